package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs writing a store: killed with SIGKILL, two at once, under a file-size limit, without
 * Chronicle, on JDK 25 denying {@code sun.misc.Unsafe}.
 */
class ChildJvmStoreTest {
  @TempDir Path tmp;

  @Test
  void write_childKilledRepeatedlyLosesNoPrintedDump() throws Exception {
    Path dir = tmp.resolve("dumps");
    List<String> printed = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      ChildJvm child = ChildJvm.start(tmp.resolve("stderr-" + round), 0, "loop", dir.toString());
      try (child) {
        child.awaitIds(20 + round * 7);
        child.kill();
      }
      List<String> ids = child.ids();
      assertTrue(ids.size() >= 20, "round " + round + " printed " + child.lines);
      printed.addAll(ids);
    }
    DumpStore store = OfflineDebug.open(dir);
    for (String id : printed) {
      assertEquals(id, store.load(id).id());
    }
    Set<String> listed = new HashSet<>(store.list().stream().map(DumpSummary::id).toList());
    assertTrue(listed.containsAll(printed));
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      String after = writer.write(StoreTests.failure(1), LoggedEvent.standalone());
      assertEquals(after, store.load(after).id());
    }
  }

  @Test
  void write_twoJvmsOfEightThreadsShareOneDirectory() throws Exception {
    Path dir = tmp.resolve("dumps");
    try (ChildJvm a = ChildJvm.start(tmp.resolve("a.err"), 0, "threads", dir.toString(), "8", "25");
        ChildJvm b = ChildJvm.start(tmp.resolve("b.err"), 0, "threads", dir.toString(), "8", "25")) {
      assertEquals(0, a.awaitExit(), a.lines.toString());
      assertEquals(0, b.awaitExit(), b.lines.toString());
      List<String> ids = new ArrayList<>(a.ids());
      ids.addAll(b.ids());
      List<String> others = new ArrayList<>(a.lines);
      others.addAll(b.lines);
      others.removeAll(ids);
      assertEquals(400, ids.size(), others.toString());
      assertEquals(400, new HashSet<>(ids).size());
      DumpStore store = OfflineDebug.open(dir);
      for (String id : ids) {
        assertEquals(id, store.load(id).id());
      }
      assertEquals(400, store.list().size());
    }
  }

  @Test
  void write_fileReachesSizeLimit_recordGoesToNewFileAndNothingIsLost() throws Exception {
    Path dir = tmp.resolve("dumps");
    // 8 KiB per file: a write past it fails with EFBIG, as a file system's own limit would.
    try (ChildJvm child = ChildJvm.start(tmp.resolve("stderr"), 8, "fill", dir.toString(), "150")) {
      assertEquals(0, child.awaitExit(), child.lines.toString());
      assertEquals(150, child.ids().size(), child.lines.toString());
      assertEquals(List.of(), child.lines.stream().filter(l -> l.startsWith("STATUS")).toList());
      DumpStore store = OfflineDebug.open(dir);
      for (String id : child.ids()) {
        assertEquals(id, store.load(id).id());
      }
      assertTrue(store.list().stream().map(d -> d.id().substring(0, d.id().lastIndexOf('-'))).distinct().count() >= 3,
          "the records did not move to new files");
    }
  }

  @Test
  void write_recordLargerThanFileSizeLimit_droppedNotWrittenAgainAndReportedOnceInOneLine() throws Exception {
    Path dir = tmp.resolve("dumps");
    try (ChildJvm child = ChildJvm.start(tmp.resolve("stderr"), 1, "fill", dir.toString(), "3", "2000")) {
      assertEquals(0, child.awaitExit(), child.lines.toString());
      assertEquals(List.of(), child.ids());
      // Written again, the throwable would make a dump without the locals the failed capture took.
      assertEquals(3, child.lines.stream().filter("AGAIN null"::equals).count(), child.lines.toString());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(1, files.filter(f -> f.toString().endsWith(".odump")).count(), "a new file per dropped dump");
      }
      List<String> reports = child.lines.stream().filter(l -> l.startsWith("STATUS")).toList();
      assertEquals(1, reports.size(), reports::toString);
      String where = Pattern.quote(dir.toString());
      assertTrue(reports.get(0).matches("STATUS cannot write dumps to " + where + ", dropping them until it works again: "
          + where + "/[0-9a-z-]+\\.odump: File too large"), reports.get(0));
    }
  }

  @Test
  void write_withoutChronicleOnTheClassPathWritesLoadableDumps() throws Exception {
    String withoutChronicle = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("chronicle"))
        .collect(Collectors.joining(File.pathSeparator));
    Path dir = tmp.resolve("dumps");
    try (ChildJvm child = ChildJvm.startOn(withoutChronicle, tmp.resolve("stderr"), 0, "fill", dir.toString(), "5")) {
      assertWroteLoadableDumps(child, dir, 5);
    }
    assertEquals("", Files.readString(tmp.resolve("stderr")));
  }

  /** Chronicle on the class path, but the write path loads none of it: logged by the JVM itself. */
  @Test
  void write_loadsNoChronicleClass() throws Exception {
    Path dir = tmp.resolve("dumps");
    Path classes = tmp.resolve("classes.log");
    try (ChildJvm child = ChildJvm.startWith(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        List.of("-Xlog:class+load=info:file=" + classes), System.getProperty("java.class.path"),
        tmp.resolve("stderr"), 0, "fill", dir.toString(), "5")) {
      assertWroteLoadableDumps(child, dir, 5);
    }
    List<String> loaded = Files.readAllLines(classes);
    assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.offlinedebug.internal.codec.WireBuffer")), "class log works");
    assertEquals(List.of(), loaded.stream().filter(l -> l.contains("net.openhft")).toList());
    assertEquals("", Files.readString(tmp.resolve("stderr")));
  }

  @Test
  void write_jdk25DenyingUnsafeWritesLoadableDumps() throws Exception {
    Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    assumeTrue(Files.isExecutable(jdk25), "no JDK 25 at " + jdk25);
    Path dir = tmp.resolve("dumps");
    try (ChildJvm child = ChildJvm.startWith(jdk25.toString(), List.of("--sun-misc-unsafe-memory-access=deny"),
        System.getProperty("java.class.path"), tmp.resolve("stderr"), 0, "fill", dir.toString(), "5")) {
      assertWroteLoadableDumps(child, dir, 5);
    }
    assertEquals("", Files.readString(tmp.resolve("stderr")));
  }

  /** The child printed {@code count} IDs, reported nothing, left no thread of ours; each ID loads here. */
  private static void assertWroteLoadableDumps(ChildJvm child, Path dir, int count) throws Exception {
    assertEquals(0, child.awaitExit(), child.lines.toString());
    List<String> ids = child.ids();
    assertEquals(count, ids.size(), child.lines.toString());
    assertEquals(List.of(), child.lines.stream().filter(l -> l.startsWith("STATUS") || l.startsWith("THREAD")).toList());
    DumpStore store = OfflineDebug.open(dir);
    for (String id : ids) {
      Dump dump = store.load(id);
      assertEquals(id, dump.id());
      assertTrue(dump.exception().root().message().startsWith("failure "), dump.exception().root().message());
    }
  }
}
