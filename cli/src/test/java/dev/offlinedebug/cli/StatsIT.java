package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsIT {
  @TempDir Path work;

  @Test
  void stats_topFingerprintsWithCountsAndLatestId() throws Exception {
    Path dir = work.resolve("dumps");
    String latestUnsupported = null;
    String declined;
    try (StoreFixture store = StoreFixture.open(dir)) {
      declined = store.write(Failures.declined("C-1", 30_000));
      for (int i = 0; i < 3; i++) {
        latestUnsupported = store.write(Failures.unsupported(i));
      }
    }
    JarRunner.Result result = new JarRunner(work).run("stats", "--dir", dir.toString(), "--since", "1h");
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.toString());
    assertTrue(lines.get(0).contains("COUNT"), result.toString());
    assertTrue(lines.get(1).matches("\\s+3\\s+3\\s+\\S+\\s+" + latestUnsupported
        + "\\s+java.lang.UnsupportedOperationException: operation 2"), result.toString());
    assertTrue(lines.get(2).matches("\\s+1\\s+1\\s+\\S+\\s+" + declined + "\\s+java.lang.IllegalArgumentException: .*"),
        result.toString());
    JarRunner.Result limited = new JarRunner(work).run("stats", "--dir", dir.toString(), "--limit", "1");
    assertEquals(2, limited.out().lines().count(), limited.toString());
  }

  @Test
  void stats_andListCountDeduplicatedOccurrences() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 1 << 20, 1 << 26, Duration.ofMinutes(10))) {
      for (int i = 0; i < 4; i++) {
        ids.add(store.write(Failures.declined("C-1", 30_000), "com.acme.shop.Checkout", "failed", Map.of()));
      }
    }
    String id = ids.get(0);
    assertTrue(ids.stream().skip(1).allMatch(repeat -> repeat.startsWith(id + ".")), ids.toString());
    JarRunner.Result listed = new JarRunner(work).run("list", "--dir", dir.toString());
    assertEquals(1, listed.out().lines().count(), listed.toString());
    assertTrue(listed.out().contains(id) && listed.out().contains("(4 occurrences)"), listed.toString());
    JarRunner.Result stats = new JarRunner(work).run("stats", "--dir", dir.toString());
    assertTrue(stats.out().lines().skip(1).findFirst().orElseThrow().matches("\\s+4\\s+1\\s+.*"), stats.toString());
  }

  @Test
  void stats_repeatsStoredAsOccurrences_lastSeenAndLatestIdAreTheLatestRepeats() throws Exception {
    Path dir = work.resolve("dumps");
    Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 1 << 20, 1 << 26, Duration.ofMinutes(10))) {
      for (int i = 0; i < 4; i++) {
        ids.add(store.write(Failures.declined("C-1", 30_000), first.plusMillis(2500L * i)));
      }
    }
    assertTrue(ids.get(3).startsWith(ids.get(0) + "."), ids.toString());
    String latest = SummaryLine.TIME.format(first.plusMillis(7500));
    String expected = "\\s+4\\s+1\\s+" + latest + "\\s+" + Pattern.quote(ids.get(3)) + "\\s+.*";
    JarRunner.Result stats = new JarRunner(work).run("stats", "--dir", dir.toString());
    assertTrue(stats.out().lines().skip(1).findFirst().orElseThrow().matches(expected), stats.toString());
    // The same from a store file without its summary (as an older writer left it): decoded.
    try (DirectoryStream<Path> summaries = Files.newDirectoryStream(dir, "*.odsum")) {
      for (Path summary : summaries) {
        Files.delete(summary);
      }
    }
    JarRunner.Result decoded = new JarRunner(work).run("stats", "--dir", dir.toString());
    assertTrue(decoded.out().lines().skip(1).findFirst().orElseThrow().matches(expected), decoded.toString());
  }

  @Test
  void listAndStatsSince_firstDumpInAFileWrittenBefore_listedWithTheRepeatsSince() throws Exception {
    Path dir = work.resolve("dumps");
    Instant first = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    List<String> ids = new ArrayList<>();
    // Files of one record each: the repeats go to later files than the first dump's.
    try (StoreFixture store = StoreFixture.open(dir, 1, 1 << 26, Duration.ofMinutes(10))) {
      for (int minutes : new int[] {0, 20, 40, 50}) {
        // From one line: the fingerprint holds the top frames, this method's line among them.
        ids.add(store.write(Failures.declined("C-1", 30_000), first.plus(Duration.ofMinutes(minutes))));
        if (minutes == 0) {
          store.write(Failures.unsupported(1), first);
        }
      }
    }
    String firstId = ids.get(0);
    assertTrue(ids.get(3).startsWith(firstId + ".") && ids.get(3).substring(firstId.length() + 1).contains("-"),
        "a repeat in a later file: " + ids);
    // The first dump's file was last written when it was logged, before --since.
    Path firstFile = dir.resolve(firstId.substring("od-".length(), firstId.lastIndexOf('-')) + ".odump");
    Files.setLastModifiedTime(firstFile, FileTime.from(first));
    String since = first.plus(Duration.ofMinutes(30)).toString();

    JarRunner.Result listed = new JarRunner(work).run("list", "--dir", dir.toString(), "--since", since);
    assertEquals(0, listed.exit(), listed.toString());
    assertEquals(1, listed.out().lines().count(), listed.toString());
    assertTrue(listed.out().contains("  " + firstId + "  ") && listed.out().contains("(2 occurrences)"),
        listed.toString());
    JarRunner.Result newest = new JarRunner(work).run("list", "--dir", dir.toString(), "--since", since, "-n", "5");
    assertEquals(listed.out(), newest.out(), newest.toString());

    JarRunner.Result stats = new JarRunner(work).run("stats", "--dir", dir.toString(), "--since", since);
    List<String> lines = stats.out().lines().toList();
    assertEquals(2, lines.size(), stats.toString());
    String lastSeen = SummaryLine.TIME.format(first.plus(Duration.ofMinutes(50)));
    assertTrue(lines.get(1).matches("\\s+2\\s+1\\s+" + lastSeen + "\\s+" + Pattern.quote(ids.get(3)) + "\\s+.*"),
        stats.toString());
    JarRunner.Result all = new JarRunner(work).run("stats", "--dir", dir.toString(), "--type", "IllegalArgument");
    assertTrue(all.out().lines().skip(1).findFirst().orElseThrow().matches("\\s+4\\s+1\\s+" + lastSeen + "\\s+.*"),
        all.toString());
  }
}
