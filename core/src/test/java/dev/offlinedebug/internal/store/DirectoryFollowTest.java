package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpFeed;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a store directory ({@code tail}): by its store files' sizes, as a bucket is followed:
 * each new dump is given once, a record written in part once it is whole, and one in part when
 * following began counts as written before.
 */
class DirectoryFollowTest {
  @TempDir Path tmp;

  @Test
  void follow_givesEachNewDumpOnce_aRecordWrittenInPartOnceWhole() throws IOException {
    List<String> ids = write(tmp.resolve("written"), 10);
    Path written = StoreLayout.storeFiles(tmp.resolve("written")).get(0);
    byte[] whole = Files.readAllBytes(written);
    Path followed = Files.createDirectories(tmp.resolve("followed"));
    Path file = followed.resolve(written.getFileName());
    // Cut inside a record, without its summary: the file as a reader can catch it mid-write.
    Files.write(file, Arrays.copyOf(whole, (int) offset(ids.get(3)) + 10));

    DumpFeed feed = DumpFeed.follow(OfflineDebug.open(followed));
    assertEquals(List.of(), ids(feed.poll()), "nothing grew");

    Files.write(file, Arrays.copyOf(whole, (int) offset(ids.get(7)) + 10));
    // The dump cut at the start was written before following began; those after it are new.
    assertEquals(ids.subList(4, 7), ids(feed.poll()));

    Files.write(file, whole);
    assertEquals(ids.subList(7, 10), ids(feed.poll()), "the record written in part, once whole");
    assertEquals(List.of(), ids(feed.poll()));
  }

  @Test
  void follow_aWriterRollingAndDeletingFiles() throws IOException {
    Path dir = tmp.resolve("dumps");
    DumpFeed feed = DumpFeed.follow(OfflineDebug.open(dir));
    assertEquals(List.of(), ids(feed.poll()), "a directory that does not exist yet has no dumps");
    // Small files and a small total: the writer rolls within rounds, and retention deletes the files
    // of earlier rounds.
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 16 << 10, 96 << 10, Duration.ZERO, 1_000_000),
        StatusListener.IGNORE)) {
      Set<String> files = new HashSet<>();
      for (int round = 0; round < 5; round++) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          ids.add(writer.write(StoreTests.failure(round * 7 + i), LoggedEvent.standalone()));
        }
        assertEquals(ids, ids(feed.poll()), "round " + round);
        ids.forEach(id -> files.add(DumpId.parse(id).file()));
      }
      int left = StoreLayout.storeFiles(dir).size();
      assertTrue(left > 1 && files.size() > left, files.size() + " files written, " + left + " left");
    }
  }

  /**
   * A failure repeating inside the dedup window: each repeat comes as it is written, with its own
   * ID, time and message, and the first dump it repeats, also when that first dump was written
   * before following began; the first dump comes as written, its repeats not counted onto it.
   */
  @Test
  void follow_givesEachStoredRepeatWithItsOwnIdAndItsFirstDump() throws IOException {
    Path dir = tmp.resolve("dumps");
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, WriterSettings.DEFAULT_MAX_FILE_SIZE,
        WriterSettings.DEFAULT_MAX_TOTAL_SIZE, Duration.ofMinutes(5), 1_000_000), StatusListener.IGNORE)) {
      DumpFeed feed = null;
      List<String> repeats = new ArrayList<>();
      for (int order = 1; order <= 4; order++) { // one stack: one fingerprint
        repeats.add(writer.write(new IllegalStateException("order " + order), LoggedEvent.standalone()));
        if (order == 1) {
          feed = DumpFeed.follow(OfflineDebug.open(dir));
        }
      }
      String before = repeats.remove(0);
      List<String> others = new ArrayList<>();
      for (String message : List.of("another failure", "another again")) {
        others.add(writer.write(new IllegalArgumentException(message), LoggedEvent.standalone()));
      }

      List<DumpFeed.Logged> polled = feed.poll();

      List<DumpFeed.Logged> expected = new ArrayList<>();
      for (int i = 0; i < repeats.size(); i++) {
        assertEquals(before, DumpId.firstDumpOf(repeats.get(i)), "stored as a repeat: " + repeats.get(i));
        expected.add(new DumpFeed.Logged(line(dir, repeats.get(i)), before));
      }
      expected.add(new DumpFeed.Logged(line(dir, others.get(0)), null));
      expected.add(new DumpFeed.Logged(line(dir, others.get(1)), others.get(0)));
      assertEquals(expected, polled);
      assertEquals("order 3", polled.get(1).line().message());
      assertEquals(1, polled.get(3).line().occurrences(), "the first dump as written");
      assertEquals(List.of(), feed.poll());
    }
  }

  /** A repeat whose first dump is gone (retention deleted its file) is still a line, saying so. */
  @Test
  void follow_repeatOfADeletedFirstDump_aLineSayingItDoesNotLoad() throws IOException {
    Path dir = tmp.resolve("dumps");
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 16 << 10, 1 << 20, Duration.ofMinutes(5),
        1_000_000), StatusListener.IGNORE)) {
      DumpFeed feed = null;
      List<String> ids = new ArrayList<>();
      for (int order = 1; order <= 2; order++) { // one stack: one fingerprint
        ids.add(writer.write(new IllegalStateException("order " + order), LoggedEvent.standalone()));
        for (int n = 0; order == 1 && StoreLayout.storeFiles(dir).size() < 2; n++) {
          writer.write(StoreTests.failure(n), LoggedEvent.standalone());
        }
        if (order == 1) {
          feed = DumpFeed.follow(OfflineDebug.open(dir));
        }
      }
      String firstFile = DumpId.parse(ids.get(0)).file() + StoreLayout.SUFFIX;
      Files.delete(dir.resolve(firstFile));
      Files.deleteIfExists(dir.resolve(StoreLayout.summaryName(firstFile)));

      List<DumpFeed.Logged> polled = feed.poll();

      assertEquals(1, polled.size(), polled::toString);
      DumpSummary line = polled.get(0).line();
      assertEquals(List.of(ids.get(1), ids.get(0)), List.of(line.id(), polled.get(0).repeatOf()));
      assertTrue(line.type().startsWith("(not loaded: ") && line.type().contains(ids.get(0)), line.type());
    }
  }

  /** The line of dump or repeat {@code id} on its own, as {@code show} loads it. */
  private static DumpSummary line(Path dir, String id) throws IOException {
    return SummaryFold.summary(id, OfflineDebug.open(dir).load(id));
  }

  private static List<String> write(Path dir, int count) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      for (int i = 0; i < count; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }
    return ids;
  }

  private static long offset(String id) {
    return DumpId.parse(id).offset();
  }

  private static List<String> ids(List<DumpFeed.Logged> summaries) {
    return summaries.stream().map(logged -> logged.line().id()).toList();
  }
}
