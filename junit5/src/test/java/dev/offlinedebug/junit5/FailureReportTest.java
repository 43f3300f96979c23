package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.report.CartFixture;
import com.acme.report.PaymentFixture;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.testing.Chromium;
import dev.offlinedebug.testing.QuietHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report beside the dumps, written by child JVMs that run failing test classes in
 * parallel, as Surefire's forks do, into one directory, at the same time and one run after another.
 */
class FailureReportTest {
  private static final int FORKS = 3;
  private static final int FAILURES_PER_FORK = CartFixture.FAILURES + PaymentFixture.FAILURES;
  /** A hang guard for a child JVM, not a time bound. */
  private static final long CHILD_LIMIT_MINUTES = 5;
  private static final Pattern TIME = Pattern.compile("<tr class=\"failure\"><td class=\"mono\">([^<]+)</td>");
  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\\.html\">");

  @TempDir Path directory;
  /** The forks' consoles and the browser's profile, apart from the dump directory. */
  @TempDir Path work;

  @Test
  void concurrentForksAndLaterRun_indexLinksEveryDumpOnce() throws Exception {
    List<Process> forks = new ArrayList<>();
    for (int i = 0; i < FORKS; i++) {
      forks.add(fork(i, CartFixture.class.getName(), PaymentFixture.class.getName()));
    }
    for (int i = 0; i < FORKS; i++) {
      awaitFork(forks.get(i), i);
    }
    awaitFork(fork(FORKS, CartFixture.class.getName()), FORKS);

    List<String> dumpIds = OfflineDebug.open(directory).list().stream().map(DumpSummary::id).sorted().toList();
    assertEquals(FORKS * FAILURES_PER_FORK + CartFixture.FAILURES, dumpIds.size(), "dumps: " + dumpIds);
    String index = Files.readString(directory.resolve(FailureReport.INDEX), StandardCharsets.UTF_8);
    List<String> linked = links(index);
    assertEquals(dumpIds, linked.stream().sorted().toList(), "every dump is linked once:\n" + index);
    assertTrue(index.contains("<p class=\"dim\" id=\"count\">" + dumpIds.size() + " failures,"), index);
    assertTrue(index.trim().endsWith("</html>"), index);
    List<String> times = TIME.matcher(index).results().map(time -> time.group(1)).toList();
    assertEquals(times.stream().sorted().toList(), times, "rows oldest first");
    for (String id : dumpIds) {
      String page = Files.readString(directory.resolve(id + ".html"), StandardCharsets.UTF_8);
      assertTrue(page.contains("<h1>Dump " + id + "</h1>"), page);
    }
    assertTrue(index.contains("<span class=\"dim\">CartFixture</span> <a href="), index);
    assertTrue(index.contains(">repetition 1 of 6</a></td><td class=\"exc\">"
        + "java.lang.IllegalStateException: cart of 1991 cents has no items</td>"), index);
    assertTrue(index.contains("org.opentest4j.AssertionFailedError: charged visa over its limit "
        + "&lt;script&gt;window.pwned=1&lt;/script&gt; ==&gt; expected: &lt;100&gt; but was: &lt;250&gt;"), index);
    assertFalse(index.contains("total_oneItem"), "a passing test has no row");
    try (var files = Files.list(directory)) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(),
          "no file left aside");
    }
  }

  @Test
  void browser_indexLinksToThePageWithTheFailingTestsLocals() throws Exception {
    boolean agent = agentJar() != null;
    awaitFork(fork(0, CartFixture.class.getName()), 0);
    List<String> linked = links(Files.readString(directory.resolve(FailureReport.INDEX), StandardCharsets.UTF_8));

    try (Chromium browser = Chromium.start(work.resolve("chromium"))) {
      browser.open(directory.resolve(FailureReport.INDEX).toUri().toString());
      assertEquals(CartFixture.FAILURES,
          browser.eval("document.querySelectorAll('tr.failure').length").getAsInt());
      // Repetitions ran in parallel: rows are in the order they failed.
      String row = browser.pick("tr.failure", "repetition 1 of 6");
      assertTrue(browser.text(row).contains("CartFixture repetition 1 of 6"), browser.text(row));
      assertTrue(browser.text(row).contains("java.lang.IllegalStateException: cart of 1991 cents has no items"),
          browser.text(row));
      browser.screenshot(Path.of("target", "screenshots", "junit-report-index.png"));

      browser.clickToLoad(row + " a");
      String title = browser.text("h1");
      assertTrue(title.startsWith("Dump ") && linked.contains(title.substring("Dump ".length())), title);
      assertTrue(browser.text(".exc").contains("cart of 1991 cents has no items"), browser.text(".exc"));
      assertTrue(browser.requests().stream().allMatch(url -> url.startsWith("file:")),
          "only the page itself is loaded: " + browser.requests());
      assumeTrue(agent, "locals not checked: the agent jar is built by the package phase (mvn verify)");
      String frame = browser.pick("details.frame", "CartFixture.total(");
      browser.click(frame + " > summary");
      String locals = browser.text(frame + " .locals");
      assertTrue(locals.contains("items = 0"), locals);
      assertTrue(locals.contains("cents = 1991"), locals);
      browser.screenshot(Path.of("target", "screenshots", "junit-report-page.png"));
    }
  }

  /** The dump IDs of the index's rows, in their order. */
  private static List<String> links(String index) {
    List<String> ids = new ArrayList<>();
    Matcher link = LINK.matcher(index);
    while (link.find()) {
      ids.add(link.group(1));
    }
    assertEquals(ids.size(), Set.copyOf(ids).size(), "a dump linked twice: " + ids);
    return ids;
  }

  private Process fork(int number, String... testClasses) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String agent = agentJar();
    if (agent != null) {
      command.add("-javaagent:" + agent + "=include=com.acme.*");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-D" + CartFixture.ENABLED + "=true",
        ReportFork.class.getName(), directory.toString()));
    command.addAll(List.of(testClasses));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("fork" + number + ".txt").toFile())
        .start();
  }

  private void awaitFork(Process fork, int number) throws Exception {
    boolean exited = fork.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES);
    if (!exited) {
      fork.destroyForcibly();
    }
    String console = Files.readString(work.resolve("fork" + number + ".txt"));
    assertTrue(exited, "fork " + number + " hung:\n" + console);
    assertEquals(0, fork.exitValue(), console);
    assertTrue(console.lines().anyMatch(line -> line.startsWith("failed ")), console);
    assertFalse(console.contains("offline-debug (JUnit)"), "the extension reported a problem:\n" + console);
  }

  /** The packaged agent, or null before the package phase (the reactor then gives a class directory). */
  private static String agentJar() {
    String agent = System.getProperty(QuietHost.AGENT_JAR, "");
    return agent.endsWith(".jar") ? agent : null;
  }
}
