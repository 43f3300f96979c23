package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodeIT {
  @TempDir Path work;

  @Test
  void show_unknownId() throws Exception {
    Path dir = work.resolve("dumps");
    try (StoreFixture store = StoreFixture.open(dir)) {
      store.write(Failures.unsupported(1));
    }
    for (String command : List.of("show", "export", "replay")) {
      JarRunner.Result result = new JarRunner(work).run(command, "no-such-dump", "--dir", dir.toString());
      assertEquals(3, result.exit(), result.toString());
      assertOneLine(result);
      assertTrue(result.err().contains("'no-such-dump' is not a dump ID; a dump ID looks like od-"), result.toString());
    }
  }

  @Test
  void show_idCopiedWithTheLogLinesBracket_namesTheId() throws Exception {
    Path dir = work.resolve("dumps");
    String id = writeOneDump(dir);
    JarRunner.Result result = new JarRunner(work).run("show", id + "]", "--dir", dir.toString());
    assertEquals(3, result.exit(), result.toString());
    assertOneLine(result);
    assertEquals("offline-debug: '" + id + "]' is not a dump ID; did you mean " + id + "?", result.err().strip());
  }

  @Test
  void show_expiredId() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 4096, 16 * 1024, Duration.ZERO)) {
      for (int i = 0; i < 200; i++) {
        ids.add(store.write(Failures.unsupported(i)));
      }
    }
    JarRunner.Result result = new JarRunner(work).run("show", ids.get(0), "--dir", dir.toString());
    assertEquals(3, result.exit(), result.toString());
    assertTrue(result.err().contains("expired"), result.toString());
    assertOneLine(result);
    assertEquals(0, new JarRunner(work).run("show", ids.get(ids.size() - 1), "--dir", dir.toString()).exit());
  }

  @Test
  void show_corruptFile() throws Exception {
    Path garbage = work.resolve("garbage.dump");
    Files.write(garbage, "this is not a dump, just text\n".repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JarRunner.Result result = new JarRunner(work).run("show", "--file", garbage.toString());
    assertEquals(4, result.exit(), result.toString());
    assertTrue(result.err().contains(garbage.toString()), "names the file: " + result);
    assertOneLine(result);

    Path torn = work.resolve("torn.dump");
    OfflineDebug.save(Failures.declined("C-1", 30_000), torn);
    byte[] whole = Files.readAllBytes(torn);
    Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 2));
    JarRunner.Result tornResult = new JarRunner(work).run("export", "--file", torn.toString());
    assertEquals(4, tornResult.exit(), tornResult.toString());
    assertOneLine(tornResult);
  }

  @Test
  void listAndStats_damagedRecord_oneLineNamingFileAndOffset_theRestListed() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir)) {
      ids.add(store.write(Failures.declined("C-1", 30_000)));
      ids.add(store.write(Failures.unsupported(1)));
    }
    String damaged = ids.get(0);
    String intact = ids.get(1);
    Path file = dir.resolve(damaged.substring("od-".length(), damaged.lastIndexOf('-')) + ".odump");
    byte[] bytes = Files.readAllBytes(file);
    bytes[20] ^= 0x40; // inside the first record: its checksum no longer matches
    Files.write(file, bytes);
    for (String command : List.of("list", "stats")) {
      JarRunner.Result result = new JarRunner(work).run(command, "--dir", dir.toString());
      assertEquals(0, result.exit(), command + ": " + result);
      assertTrue(result.out().contains(intact) && !result.out().contains(damaged), command + ": " + result);
      assertOneLine(result);
      assertTrue(result.err().startsWith("offline-debug: " + file + ": corrupt dump record at offset 0: ")
          && result.err().strip().endsWith("(skipped 1 damaged record of this file; listing the rest)"),
          command + ": " + result);
    }
  }

  @Test
  void show_missingFile() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("show", "--file", work.resolve("nope.dump").toString());
    assertEquals(3, result.exit(), result.toString());
    assertOneLine(result);
  }

  @Test
  void list_missingStore() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("list", "--dir", work.resolve("typo").toString());
    assertEquals(1, result.exit(), result.toString());
    assertTrue(result.err().contains("no dump store at "), result.toString());
    assertOneLine(result);
  }

  @Test
  void list_missingStoreGivenRelatively_namesItsAbsolutePathToo() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("list");
    assertEquals(1, result.exit(), result.toString());
    assertEquals("offline-debug: no dump store at logs/dumps (" + work.resolve("logs").resolve("dumps").toAbsolutePath()
        + "): give --dir DIR or set $OFFLINE_DEBUG_DIR", result.err().strip());
  }

  @Test
  void show_missingStore() throws Exception {
    for (String command : List.of("show", "export", "replay")) {
      JarRunner.Result result = new JarRunner(work).run(command, "od-0mx4e2gpl-6yfu9f-0", "--dir",
          work.resolve("typo").toString());
      assertEquals(1, result.exit(), command + ": " + result);
      assertTrue(result.err().contains("no dump store at "), command + ": " + result);
      assertOneLine(result);
    }
  }

  @Test
  void show_offsetPastTheEndOfItsFile() throws Exception {
    Path dir = work.resolve("dumps");
    String id = writeOneDump(dir);
    String pastTheEnd = id.substring(0, id.lastIndexOf('-') + 1) + Long.toString(1L << 30, 36);
    JarRunner.Result result = new JarRunner(work).run("show", pastTheEnd, "--dir", dir.toString());
    assertEquals(3, result.exit(), result.toString());
    assertOneLine(result);
  }

  @Test
  void verbose_addsTheStackTrace() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("show", "--file", work.resolve("nope.dump").toString(), "--verbose");
    assertEquals(3, result.exit(), result.toString());
    assertTrue(result.err().contains("\tat "), result.toString());
  }

  @Test
  void usageErrors() throws Exception {
    JarRunner runner = new JarRunner(work);
    List<List<String>> usages = List.of(
        List.of(),
        List.of("frobnicate"),
        List.of("list", "--bogus"),
        List.of("list", "--since", "yesterday-ish"),
        List.of("list", "--grep", "(unclosed"),
        List.of("list", "-n", "-5"),
        List.of("show"),
        List.of("show", "od-1", "--file", "x.dump"),
        List.of("export", "od-1", "--format", "xml"),
        List.of("replay", "od-1", "--cause", "-1"),
        List.of("replay", "od-1", "--jdwp", "not an address"),
        List.of("tail", "--poll", "often"),
        List.of("demo", "--dir", "s3://bucket/dumps"));
    for (List<String> args : usages) {
      JarRunner.Result result = runner.run(args.toArray(String[]::new));
      assertEquals(2, result.exit(), args + ": " + result);
      assertOneLine(result);
      assertTrue(result.err().contains(" (see 'offline-debug"), "points to --help: " + args + ": " + result);
    }
  }

  @Test
  void usageErrors_sayWhatWasMeant() throws Exception {
    JarRunner runner = new JarRunner(work);
    assertEquals("offline-debug: missing command: one of list, show, export, replay, tail, stats, html, serve, demo, help"
        + " (see 'offline-debug --help')", runner.run().err().strip());
    assertEquals("offline-debug: -n/--limit must be 0 or more, not -3 (see 'offline-debug list --help')",
        runner.run("list", "-n", "-3").err().strip());
    assertEquals("offline-debug: demo needs a local store directory, not object storage (s3://bucket/dumps)"
        + " (see 'offline-debug demo --help')", runner.run("demo", "--dir", "s3://bucket/dumps").err().strip());
  }

  @Test
  void readingWithUnsafeDenied_namesTheCauseAndTheFix() throws Exception {
    assumeTrue(Runtime.version().feature() >= 23, "sun.misc.Unsafe can be denied from JDK 23 on");
    Path dump = work.resolve("failure.dump");
    OfflineDebug.save(Failures.unsupported(1), dump);
    // After the launcher's allow, as a user's JDK_JAVA_OPTIONS or a future default would deny it.
    JarRunner.Result result = new JarRunner(work).jvm("--sun-misc-unsafe-memory-access=deny").run("show", "--file", dump.toString());
    assertEquals(1, result.exit(), result.toString());
    assertOneLine(result);
    assertEquals("offline-debug: cannot start Chronicle Wire to read dumps:"
        + " java.lang.UnsupportedOperationException: objectFieldOffset: the JVM denies sun.misc.Unsafe,"
        + " which Chronicle Wire needs to read; run java with --sun-misc-unsafe-memory-access=allow (./offline-debug does)",
        result.err().strip());
  }

  @Test
  void helpAndVersion() throws Exception {
    JarRunner runner = new JarRunner(work);
    for (String command : List.of("list", "show", "export", "replay", "tail", "stats", "demo")) {
      JarRunner.Result help = runner.run(command, "--help");
      assertEquals(0, help.exit(), help.toString());
      assertTrue(help.out().startsWith("Usage: offline-debug " + command), help.toString());
    }
    JarRunner.Result version = runner.run("--version");
    assertEquals(0, version.exit(), version.toString());
    assertTrue(version.out().startsWith("offline-debug 0.1"), version.toString());
  }

  private static String writeOneDump(Path dir) throws Exception {
    try (StoreFixture store = StoreFixture.open(dir)) {
      return store.write(Failures.unsupported(1));
    }
  }

  private static void assertOneLine(JarRunner.Result result) {
    assertEquals(1, result.err().lines().count(), "one line on stderr: " + result);
    assertTrue(result.err().startsWith("offline-debug: "), result.toString());
  }
}
