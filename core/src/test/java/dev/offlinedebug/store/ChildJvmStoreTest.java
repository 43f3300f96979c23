package dev.offlinedebug.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.capture.LoggedEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs writing a store: killed with SIGKILL, two at once, under a file-size limit. */
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
  void write_fullFileRecoversAndKeepsEarlierDumps() throws Exception {
    Path dir = tmp.resolve("dumps");
    // 48 KiB per file: the first file fills up, the writer moves to a new one and goes on.
    try (ChildJvm child = ChildJvm.start(tmp.resolve("stderr"), 48, "fill", dir.toString(), "150")) {
      assertEquals(0, child.awaitExit(), child.lines.toString());
      List<String> lines = child.lines;
      int firstNull = lines.indexOf("NULL");
      assertTrue(firstNull > 0, "no write failed: " + lines);
      assertTrue(lines.subList(firstNull, lines.size()).stream().anyMatch(l -> l.startsWith(DumpId.PREFIX)),
          "never recovered: " + lines);
      assertEquals(1, lines.stream().filter(l -> l.startsWith("STATUS") && l.contains("cannot write")).count(), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("STATUS") && l.contains("works again")), lines.toString());
      DumpStore store = OfflineDebug.open(dir);
      for (String id : child.ids()) {
        assertEquals(id, store.load(id).id());
      }
    }
  }

  @Test
  void write_withoutChronicleDropsDumpsAndReportsOnce() throws Exception {
    String withoutChronicle = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("chronicle"))
        .collect(Collectors.joining(File.pathSeparator));
    try (ChildJvm child = ChildJvm.startOn(withoutChronicle, tmp.resolve("stderr"), 0, "fill", tmp.toString(), "5")) {
      assertEquals(0, child.awaitExit(), child.lines.toString());
      assertEquals(5, child.lines.stream().filter("NULL"::equals).count(), child.lines.toString());
      assertEquals(1, child.lines.stream().filter(l -> l.startsWith("STATUS")).count(), child.lines.toString());
      assertTrue(child.lines.stream().anyMatch(l -> l.contains("Chronicle Wire is unavailable")), child.lines.toString());
    }
  }
}
