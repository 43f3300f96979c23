package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offline-debug html} as a user runs it. */
class HtmlCommandIT {
  @TempDir Path work;

  @Test
  void html_severalIdsAndFilesOnOnePage() throws Exception {
    Path dir = work.resolve("dumps");
    String declined;
    String unsupported;
    List<String> repeats;
    try (StoreFixture store = StoreFixture.open(dir, 1 << 20, 64 << 20, Duration.ofMinutes(5))) {
      declined = store.write(Failures.declined("C-1042", 33_790));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(store.write(Failures.unsupported(7))); // one stack: dedup stores the repeats against the first
      }
      unsupported = ids.get(0);
      assertTrue(ids.get(1).startsWith(unsupported + ".") && ids.get(2).startsWith(unsupported + "."), ids.toString());
      repeats = ids.subList(1, 3);
    }
    Path saved = work.resolve("saved.dump");
    OfflineDebug.save(Failures.hostile(), saved);
    JarRunner.Result result = new JarRunner(work)
        .run("html", declined, unsupported, "--file", saved.toString(), "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    String page = result.out();
    assertTrue(page.startsWith("<!DOCTYPE html>"), result.toString());
    assertTrue(page.contains("<title>3 dumps - offline-debug</title>"), page);
    assertTrue(page.contains("<h1>Dump " + declined + "</h1>"), page);
    assertTrue(page.contains("<h1>Dump " + unsupported + "</h1>"), page);
    assertTrue(page.contains("<dt>occurrences</dt><dd>3 in all: this dump, 2 stored with their own values"), page);
    for (String repeat : repeats) { // as text: the page has no page of its own to link to
      assertTrue(page.contains("<td class=\"mono\">" + repeat + "</td>"), page);
    }
    assertTrue(page.contains("<dt>occurrences</dt><dd>1</dd>"), "the declined card did not repeat: " + page);
    assertTrue(page.contains("value=\"offline-debug replay " + declined + " --dir "), page);
    assertTrue(page.contains("value=\"offline-debug replay --file " + saved.toAbsolutePath() + "\""), page);
    assertTrue(page.contains("clear\\u001b[2Jscreen"), "controls in a dump show as escapes: " + page);
  }

  @Test
  void html_outputFile() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    Path file = work.resolve("dump.html");
    JarRunner.Result result = new JarRunner(work).run("html", id, "--dir", dir.toString(), "-o", file.toString());
    assertEquals(0, result.exit(), result.toString());
    assertEquals("wrote " + file + "\n", result.out());
    String page = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(page.contains("<title>Dump " + id + " - offline-debug</title>"), page);
    assertTrue(page.contains("card declined for C-1042: 33790 EUR"), page);
  }

  @Test
  void html_unknownIdAndMissingArguments() throws Exception {
    Path dir = work.resolve("dumps");
    try (StoreFixture store = StoreFixture.open(dir)) {
      store.write(Failures.unsupported(1));
    }
    JarRunner runner = new JarRunner(work);
    JarRunner.Result unknown = runner.run("html", "no-such-dump", "--dir", dir.toString());
    assertEquals(3, unknown.exit(), unknown.toString());
    assertEquals("", unknown.out(), unknown.toString());
    JarRunner.Result nothing = runner.run("html", "--dir", dir.toString());
    assertEquals(2, nothing.exit(), nothing.toString());
    assertTrue(nothing.err().contains("give at least one dump ID or --file PATH"), nothing.toString());
  }
}
