package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local listing reads each store file's summary for the records it covers, decodes the rest, and
 * lists exactly what decoding every record lists: with summaries complete, lagging a live writer,
 * missing, or describing records damaged since.
 */
class StoreFileListingTest {
  @TempDir Path dir;

  @Test
  void list_fromSummaries_sameAsDecodingEveryRecord() throws Exception {
    // Small files, so that the store has several; dedup on, so that it has occurrence and counter records.
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 4 << 10, 1 << 30, Duration.ofMinutes(5),
        1_000_000), StatusListener.IGNORE)) {
      for (int i = 0; i < 60; i++) {
        writer.write(StoreTests.failure(i % 7), LoggedEvent.standalone());
      }
    }
    assertTrue(storeFiles().size() > 3, "several store files: " + storeFiles());
    for (Path file : storeFiles()) {
      assertTrue(Files.size(summaryOf(file)) > 0, "a closed writer's files are summarised: " + file);
    }
    List<DumpSummary> fromSummaries = OfflineDebug.open(dir).list();

    deleteSummaries();
    List<DumpSummary> decoded = OfflineDebug.open(dir).list();
    assertEquals(decoded, fromSummaries);
    assertEquals(60, decoded.stream().mapToLong(DumpSummary::occurrences).sum());
  }

  @Test
  void list_readsTheSummary_notTheRecordsItCovers() throws Exception {
    String id;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      id = writer.write(StoreTests.failure(1), LoggedEvent.standalone());
    }
    Path file = storeFiles().get(0);
    // A summary saying something else of the same intact record: what the listing shows is the summary's.
    ByteBuffer summary = ByteBuffer.allocate(4096).put(StoreSummary.MAGIC);
    StoreSummary.putEntry(summary, 0, (int) Files.size(file), StoreSummary.dump(Instant.EPOCH, "WARN",
        "x.Summarised", "from the summary", "app", "main", "x.Summarised@".getBytes()), null);
    Files.write(summaryOf(file), java.util.Arrays.copyOf(summary.array(), summary.position()));

    DumpSummary listed = OfflineDebug.open(dir).list().get(0);
    assertEquals(id, listed.id());
    assertEquals("from the summary", listed.message());
  }

  @Test
  void list_liveWriter_decodesTheRecordsItsSummaryLacks() throws Exception {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      // Enough entries to fill the writer's buffer once: part of the file is summarised, the rest not yet.
      while (storeFiles().isEmpty() || Files.size(summaryOf(storeFiles().get(0))) == 0) {
        ids.add(writer.write(StoreTests.failure(ids.size()), LoggedEvent.standalone()));
      }
      for (int i = 0; i < 5; i++) {
        ids.add(writer.write(StoreTests.failure(ids.size()), LoggedEvent.standalone()));
      }
      Path file = storeFiles().get(0);
      StoreSummary.Prefix prefix;
      try (FileChannel summary = FileChannel.open(summaryOf(file))) {
        prefix = StoreSummary.readPrefix(summary, StoreLayout.fileKey(file), Files.size(file), new SummaryFold());
      }
      assertTrue(prefix.covered() > 0 && prefix.covered() < Files.size(file), "the summary lags: " + prefix);

      List<DumpSummary> listed = OfflineDebug.open(dir).list();
      assertEquals(ids, listed.stream().map(DumpSummary::id).toList());
      assertEquals("failure " + (ids.size() - 1), listed.get(ids.size() - 1).message());
    }
  }

  @Test
  void list_recordDamagedAfterItWasSummarised_notListed() throws Exception {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      for (int i = 0; i < 3; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }
    Path file = storeFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    int inSecond = (int) DumpId.parse(ids.get(1)).offset() + 40;
    bytes[inSecond] ^= 0x5a;
    Files.write(file, bytes);

    List<String> listed = OfflineDebug.open(dir).list().stream().map(DumpSummary::id).toList();
    assertEquals(List.of(ids.get(0), ids.get(2)), listed);
    assertFalse(listed.contains(ids.get(1)));
  }

  @Test
  void list_again_readsOnlyTheStoreFilesThatChanged() throws Exception {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 1 << 10, 1 << 30, Duration.ZERO, 1_000_000),
        StatusListener.IGNORE)) {
      ids.add(writer.write(StoreTests.failure(0), LoggedEvent.standalone()));
      ids.add(writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
    }
    DumpStore store = OfflineDebug.open(dir);
    assertEquals(ids, ids(store.list()));
    // The first file's record damaged in place, its size and time kept: a poll does not read it again.
    Path first = fileOf(ids.get(0));
    FileTime modified = Files.getLastModifiedTime(first);
    byte[] bytes = Files.readAllBytes(first);
    bytes[40] ^= 0x5a;
    Files.write(first, bytes);
    Files.setLastModifiedTime(first, modified);
    assertEquals(ids, ids(store.list()));
    assertEquals(List.of(ids.get(1)), ids(OfflineDebug.open(dir).list()), "read anew, the damage shows");

    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      ids.add(writer.write(StoreTests.failure(2), LoggedEvent.standalone()));
    }
    assertEquals(ids, ids(store.list()), "a new file is read");
  }

  @Test
  void newestFirst_twoWritersInterleaved_everyDumpOfListNewestFirstWithItsOccurrences() throws Exception {
    try (DumpWriter a = DumpWriter.open(StoreTests.settings(dir, 2 << 10, 1 << 30, Duration.ofMinutes(5), 1_000_000),
            StatusListener.IGNORE);
        DumpWriter b = DumpWriter.open(StoreTests.settings(dir, 3 << 10, 1 << 30, Duration.ofMinutes(5), 1_000_000),
            StatusListener.IGNORE)) {
      for (int i = 0; i < 40; i++) {
        (i % 3 == 0 ? b : a).write(StoreTests.failure(i % 5), LoggedEvent.standalone());
      }
    }
    List<DumpSummary> listed = OfflineDebug.open(dir).list();
    List<DumpSummary> newest = OfflineDebug.open(dir).newestFirst(null).toList();

    assertEquals(Set.copyOf(listed), Set.copyOf(newest));
    assertEquals(listed.size(), newest.size());
    for (int i = 1; i < newest.size(); i++) {
      assertFalse(newest.get(i).time().isAfter(newest.get(i - 1).time()), "newest first: " + newest);
    }
    assertEquals(40, newest.stream().mapToLong(DumpSummary::occurrences).sum());
  }

  @Test
  void storeFiles_createdWithinOneMillisecond_nameTheirOrderOfCreation() throws Exception {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      StoreFile file = StoreLayout.createFile(dir);
      created.add(file.key);
      file.close();
    }
    for (int i = 1; i < created.size(); i++) {
      assertTrue(StoreLayout.keyTime(created.get(i)).compareTo(StoreLayout.keyTime(created.get(i - 1))) > 0,
          "a later file's name tells it is later: " + created);
    }
  }

  @Test
  void newestFirst_filesLastModifiedOutOfCreationOrder_stillCountsEveryOccurrence() throws Exception {
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 2 << 10, 1 << 30, Duration.ofMinutes(5),
        1_000_000), StatusListener.IGNORE)) {
      for (int i = 0; i < 30; i++) {
        writer.write(StoreTests.failure(i % 3), LoggedEvent.standalone());
      }
    }
    List<DumpSummary> listed = OfflineDebug.open(dir).list();
    // As an uploader may ship them: the first file made (the first dumps) last, the one after it first.
    List<Path> files = storeFiles().stream()
        .sorted(java.util.Comparator.comparing(file -> StoreLayout.fileKey(file))).toList();
    assertTrue(files.size() > 2, files::toString);
    Instant now = Instant.now();
    for (int i = 0; i < files.size(); i++) {
      Files.setLastModifiedTime(files.get(i), FileTime.from(now.minusSeconds(i == 0 ? 0 : 600L * i)));
    }
    assertEquals(Set.copyOf(listed), Set.copyOf(OfflineDebug.open(dir).newestFirst(null).toList()));
  }

  @Test
  void newestFirst_readsTheStoreFilesOnlyAsFarAsTheStreamIsTaken() throws Exception {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 1 << 10, 1 << 30, Duration.ZERO, 1_000_000),
        StatusListener.IGNORE)) {
      for (int i = 0; i < 4; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }
    assertEquals(4, storeFiles().size(), "one dump a file");
    // Files written ten minutes apart, as a store's files are (within a minute of each other, the
    // margin for coarse file clocks makes the listing read them all before it hands out one).
    Instant now = Instant.now();
    for (int i = 0; i < 4; i++) {
      Files.setLastModifiedTime(fileOf(ids.get(i)), FileTime.from(now.minus(Duration.ofMinutes(10L * (3 - i)))));
    }
    Iterator<DumpSummary> newest = OfflineDebug.open(dir).newestFirst(null).iterator();
    assertEquals(ids.get(3), newest.next().id());
    // Files the stream has not reached yet are read when it gets there: deleted meanwhile, they add nothing.
    Files.delete(fileOf(ids.get(0)));
    List<String> rest = new ArrayList<>();
    newest.forEachRemaining(summary -> rest.add(summary.id()));
    assertEquals(List.of(ids.get(2), ids.get(1)), rest);
  }

  @Test
  void newestFirstSince_skipsStoreFilesLastModifiedBeforeThen() throws Exception {
    String early;
    String late;
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 1 << 10, 1 << 30, Duration.ZERO, 1_000_000),
        StatusListener.IGNORE)) {
      early = writer.write(StoreTests.failure(0), LoggedEvent.standalone());
      late = writer.write(StoreTests.failure(1), LoggedEvent.standalone());
    }
    Path earlyFile = fileOf(early);
    assertFalse(earlyFile.equals(fileOf(late)), "one dump a file");
    Instant since = OfflineDebug.open(dir).load(early).time().minusSeconds(3600);

    assertEquals(List.of(late, early), ids(OfflineDebug.open(dir).newestFirst(since).toList()));
    // A file last written two days ago holds nothing of the last hour: it is not read. (Its
    // dump says otherwise only because the test moved the file's time back.)
    Files.setLastModifiedTime(earlyFile, FileTime.from(since.minus(Duration.ofDays(2))));
    assertEquals(List.of(late), ids(OfflineDebug.open(dir).newestFirst(since).toList()));
    assertEquals(List.of(late, early), ids(OfflineDebug.open(dir).newestFirst(null).toList()));
    assertEquals(List.of(), ids(OfflineDebug.open(dir).newestFirst(Instant.now().plusSeconds(3600)).toList()));
  }

  /** The store file of dump {@code id}: files made in the same millisecond sort by their random tag. */
  private Path fileOf(String id) {
    return dir.resolve(DumpId.parse(id).file() + StoreLayout.SUFFIX);
  }

  private static List<String> ids(List<DumpSummary> summaries) {
    return summaries.stream().map(DumpSummary::id).toList();
  }

  private void deleteSummaries() throws Exception {
    for (Path file : storeFiles()) {
      Files.delete(summaryOf(file));
    }
  }

  private static Path summaryOf(Path file) {
    return file.resolveSibling(StoreLayout.summaryName(file.getFileName().toString()));
  }

  private List<Path> storeFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> StoreLayout.isStoreFileName(f.getFileName().toString())).sorted().toList();
    }
  }
}
