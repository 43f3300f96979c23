package dev.offlinedebug.benchmarks;

import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A store file holding one dump of the {@linkplain ReferenceDump reference exception}, as the
 * writer leaves it, for benchmarks that load by ID from object storage.
 *
 * @param id the dump's ID
 * @param name the store file's name, which the ID names
 * @param bytes the store file
 */
record ReferenceStoreFile(String id, String name, byte[] bytes) {
  static ReferenceStoreFile write() throws IOException {
    try (ScratchDirectory dir = new ScratchDirectory("od-reference-store")) {
      DumpWriter writer = DumpWriter.open(new WriterSettings(dir.path(), WriterSettings.DEFAULT_MAX_FILE_SIZE,
          WriterSettings.DEFAULT_MAX_TOTAL_SIZE, Duration.ofDays(1), Duration.ZERO, Integer.MAX_VALUE, "bench",
          CaptureLimits.DEFAULTS), StatusListener.IGNORE);
      String id = writer.write(ReferenceDump.newThrowable(), LoggedEvent.standalone());
      writer.close();
      Path file = storeFile(dir.path());
      return new ReferenceStoreFile(id, file.getFileName().toString(), Files.readAllBytes(file));
    }
  }

  private static Path storeFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> stores = files.filter(f -> f.getFileName().toString().endsWith(".odump")).toList();
      if (stores.size() != 1) {
        throw new IllegalStateException("expected one store file in " + dir + ", found " + stores);
      }
      return stores.get(0);
    }
  }

  /**
   * Puts copies of this file under {@code prefix}, under other names a writer could give (9 base-36
   * digits, '-', 6), none this one's, numbered {@code from} to {@code to} (exclusive).
   */
  void putCopies(BenchmarkBucket bucket, String prefix, int from, int to) {
    IntStream.range(from, to).parallel().forEach(i -> bucket.put(prefix,
        String.format("%9s", Integer.toString(i, 36)).replace(' ', '0') + "-copies.odump", bytes));
  }
}
