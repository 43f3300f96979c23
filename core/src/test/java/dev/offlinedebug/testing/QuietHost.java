package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link QuietHostMain} as a host application would run: a child JVM of the JDK running the
 * tests, with the agent, configured by a logging framework's configuration file; then checks that
 * the host saw nothing of ours. Shared by the appender modules' tests (core's test jar).
 */
public final class QuietHost {
  /** The system property the appender modules set to the built agent jar. */
  public static final String AGENT_JAR = "offlinedebug.it.agentJar";
  /** HotSpot's notice that the agent appended its recorder jar to the boot class path (documented). */
  private static final String CDS_NOTICE = "Sharing is only supported for boot loader classes";

  private final Path dir;
  private final String console;

  private QuietHost(Path dir, String console) {
    this.dir = dir;
    this.console = console;
  }

  /**
   * Runs the application in a new directory under {@code target}, which the configuration reads as
   * system property {@code od.dir}.
   *
   * @param unsafeAccess {@code "default"}, or a value of {@code --sun-misc-unsafe-memory-access}
   *     (skipped before JDK 24, where the flag is absent or has another default)
   * @param configProperty the system property naming the configuration file
   */
  public static QuietHost run(String unsafeAccess, String configProperty, Path config)
      throws IOException, InterruptedException {
    assumeTrue(unsafeAccess.equals("default") || Runtime.version().feature() >= 24,
        "--sun-misc-unsafe-memory-access is tested from JDK 24 on");
    String agent = System.getProperty(AGENT_JAR, "");
    assumeTrue(agent.endsWith(".jar"), "the agent jar is built by the package phase (mvn verify); " + AGENT_JAR + "=" + agent);
    Path dir = Files.createTempDirectory(Path.of("target"), "quietHost-").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (!unsafeAccess.equals("default")) {
      command.add("--sun-misc-unsafe-memory-access=" + unsafeAccess);
    }
    command.addAll(List.of(
        "-javaagent:" + agent + "=include=com.acme.*",
        "-Xlog:class+load=info:file=" + dir.resolve("classes.txt"),
        "-cp", System.getProperty("java.class.path"),
        "-D" + configProperty + "=" + config,
        "-Dod.dir=" + dir,
        QuietHostMain.class.getName(), dir.resolve("threads.txt").toString()));
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("console.txt").toFile())
        .start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "child JVM did not exit");
    String console = Files.readString(dir.resolve("console.txt"));
    assertEquals(0, child.exitValue(), console);
    return new QuietHost(dir, console);
  }

  /**
   * Checks everything the host sees: its console holds nothing but the JVM's CDS notice, logging
   * started no thread still alive, no Chronicle class was loaded, the log holds exactly the
   * application's three lines, and the ID of the failure's line loads with its locals.
   *
   * @param event matches the first line of an event in the log, with groups {@code level}, {@code
   *     logger} and {@code message}
   */
  public void assertInvisible(Pattern event) throws IOException {
    assertEquals("", console.lines().filter(l -> !l.contains(CDS_NOTICE)).reduce("", (a, b) -> a + b + "\n"),
        "the console holds nothing but the JVM's CDS notice");
    assertEquals(List.of(), Files.readAllLines(dir.resolve("threads.txt")), "threads started by logging");
    assertEquals(List.of(), Files.readAllLines(dir.resolve("classes.txt")).stream()
        .filter(l -> l.contains("net.openhft")).limit(3).toList(), "Chronicle classes loaded by the write path");

    List<Matcher> lines = events(dir.resolve("app.log"), event);
    assertEquals(List.of("INFO shop.Orders shop started", "ERROR shop.Orders order 42 failed",
            "INFO shop.Orders shop still running"),
        lines.stream().map(m -> m.group("level") + " " + m.group("logger") + " "
            + m.group("message").replaceAll(" \\[dump od-\\S+]$", "")).toList(),
        "the application's log holds only the application's lines");
    Matcher id = Pattern.compile("\\[dump (od-\\S+)]$").matcher(lines.get(1).group("message"));
    assertTrue(id.find(), lines.get(1).group());

    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(id.group(1));
    ThrowableInfo cause = dump.exception().cause(dump.exception().root()).orElseThrow();
    assertTrue(dump.localsCaptured());
    assertEquals(
        List.of(new LocalVariable("orderId", "int", new PrimitiveValue("int", 42)),
            new LocalVariable("quantity", "int", new PrimitiveValue("int", 0))),
        cause.frames().get(0).locals());
  }

  /** The first lines of the events in {@code log}; every other line must belong to a stack trace. */
  private static List<Matcher> events(Path log, Pattern event) throws IOException {
    List<Matcher> events = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = event.matcher(line);
      if (m.matches()) {
        events.add(m);
      } else {
        assertTrue(line.startsWith("\t") || line.startsWith("Caused by: ") || line.startsWith("java.lang."),
            "a line that is neither an event nor a stack trace: " + line);
      }
    }
    return events;
  }
}
