package dev.offlinedebug.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.codec.DecodedRecord;
import dev.offlinedebug.codec.RecordFrame;
import dev.offlinedebug.codec.WireRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A store directory written by {@link DumpWriter}s, read-only. Loading by ID opens the file the ID
 * names and reads the record at the offset it names: no scan, however many dumps the store holds.
 *
 * @since 0.1
 */
public final class RollingDumpStore implements DumpStore {
  private static final Duration INIT_WAIT = Duration.ofSeconds(30);
  private final Path directory;

  private RollingDumpStore(Path directory) {
    this.directory = directory;
  }

  /** The store in {@code directory}; reads nothing yet. */
  public static RollingDumpStore open(Path directory) {
    return new RollingDumpStore(directory);
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public Dump load(String id) throws IOException {
    DumpId parsed = DumpId.parse(id);
    if (parsed == null) {
      throw new DumpNotFoundException(String.valueOf(id), directory);
    }
    Path file = directory.resolve(parsed.file() + StoreLayout.SUFFIX);
    FileChannel channel;
    try {
      channel = DumpFileChannel.openForRead(file);
    } catch (NoSuchFileException e) {
      if (StoreLayout.isExpired(directory, parsed.file())) {
        throw new DumpExpiredException(id, directory);
      }
      throw new DumpNotFoundException(id, directory);
    }
    try (channel) {
      requireWire();
      DecodedRecord record;
      try {
        record = RecordFrame.read(channel, file, parsed.offset());
      } catch (DumpFormatException e) {
        if (RecordScanner.skipsOver(channel, file, parsed.offset())) {
          throw new DumpNotFoundException(id, directory);
        }
        throw e;
      }
      if (record.dump() == null || !record.dump().id().equals(id)) {
        throw new DumpNotFoundException(id, directory);
      }
      return record.dump();
    }
  }

  /** Every intact dump, oldest first, with the occurrences dedup folded onto it. */
  @Override
  public List<DumpSummary> list() throws IOException {
    requireWire();
    SummaryFold fold = new SummaryFold();
    for (Path file : StoreLayout.storeFiles(directory)) {
      RecordScanner.scan(file, fold);
    }
    return fold.summaries();
  }

  static void requireWire() throws IOException {
    Throwable failure = WireRuntime.awaitReady(INIT_WAIT);
    if (failure != null) {
      throw new IOException("Chronicle Wire is unavailable: " + failure, failure);
    }
  }
}
