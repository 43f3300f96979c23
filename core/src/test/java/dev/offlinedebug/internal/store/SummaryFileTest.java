package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.StatusListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary entries the logging thread buffers reach the file when the upload thread flushes
 * them, when the buffer is full and when the store file rolls or closes, and describe every byte of
 * the store file each time; until then, the summary describes fewer bytes and is not used.
 */
class SummaryFileTest {
  private static final String FIRST = new DumpId("0mx4e5ljz-oag9vp", 0).text();

  @TempDir Path dir;

  @Test
  void flushSummary_buffersUntilFlushed_thenDescribesTheWholeFile() throws Exception {
    StoreAppender appender = appender(1 << 20);
    try {
      for (int i = 0; i < 10; i++) {
        appender.appendOccurrences(FIRST, i + 1);
      }
      Path file = only(storeFiles());
      assertEquals(0, Files.size(summaryOf(file)), "written on the logging thread");
      appender.flushSummary(file);
      assertDescribesWholeFile(file, 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10);
      appender.appendOccurrences(FIRST, 100);
      assertNull(summarised(file), "a summary lagging its file is not used");
      appender.flushSummary(file);
      assertDescribesWholeFile(file, 155);
    } finally {
      appender.close();
    }
  }

  @Test
  void add_bufferFull_writtenByTheLoggingThreadAndCompleteOnClose() throws Exception {
    StoreAppender appender = appender(1 << 20);
    int entries = SummaryFile.MAX_PENDING / 40;
    for (int i = 0; i < entries; i++) {
      appender.appendOccurrences(FIRST, 1);
    }
    Path file = only(storeFiles());
    assertTrue(Files.size(summaryOf(file)) > 0, "a full buffer is written");
    appender.close();
    assertDescribesWholeFile(file, entries);
  }

  @Test
  void roll_closedFilesSummariesComplete() throws Exception {
    StoreAppender appender = appender(200);
    for (int i = 0; i < 12; i++) {
      appender.appendOccurrences(FIRST, 1);
    }
    List<Path> files = storeFiles();
    assertTrue(files.size() > 2, files::toString);
    // Names sort by creation time to the millisecond only: files rolled within one millisecond sort
    // by their random tag, so the current file is the one whose summary does not describe it yet.
    long counted = 0;
    List<Path> current = new ArrayList<>();
    for (Path file : files) {
      SummaryFold fold = summarised(file);
      if (fold == null) {
        current.add(file);
      } else {
        counted += occurrences(fold);
      }
    }
    assertEquals(1, current.size(), "every closed file's summary is complete: " + current);
    appender.close();
    assertDescribesWholeFile(current.get(0), 12 - counted);
  }

  private StoreAppender appender(long maxFileSize) {
    return new StoreAppender(dir, maxFileSize, Duration.ofHours(1), name -> { }, new StatusReports(StatusListener.IGNORE));
  }

  /** The summary describes every record of {@code file}: {@code occurrences} of dump {@code FIRST}. */
  private static void assertDescribesWholeFile(Path file, long occurrences) throws Exception {
    SummaryFold fold = summarised(file);
    assertNotNull(fold, "the summary describes every byte of " + file.getFileName());
    assertEquals(occurrences, occurrences(fold));
  }

  /** The occurrences of dump {@code FIRST} that {@code fold} counted (the dump itself is in no store file here). */
  private static long occurrences(SummaryFold fold) {
    SummaryFold listing = new SummaryFold();
    listing.dump(new DumpSummary(FIRST, Instant.EPOCH, "ERROR", "T", null, null, "main", "T@", 1));
    listing.add(fold);
    return listing.summaries().get(0).occurrences() - 1;
  }

  private static SummaryFold summarised(Path file) throws Exception {
    return StoreSummary.read(Files.readAllBytes(summaryOf(file)), StoreLayout.fileKey(file), Files.size(file), new SummaryFold());
  }

  private static Path summaryOf(Path file) {
    return file.resolveSibling(StoreLayout.summaryName(file.getFileName().toString()));
  }

  private List<Path> storeFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> StoreLayout.isStoreFileName(f.getFileName().toString())).sorted().toList();
    }
  }

  private static Path only(List<Path> files) {
    assertEquals(1, files.size(), files::toString);
    return files.get(0);
  }
}
