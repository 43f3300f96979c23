package dev.offlinedebug.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.codec.DecodedRecord;
import dev.offlinedebug.codec.Occurrences;
import dev.offlinedebug.codec.RecordFrame;
import dev.offlinedebug.codec.WireRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    // Summaries are kept, not dumps: a listing holds a line per dump, never the dumps themselves.
    List<DumpSummary> found = new ArrayList<>();
    Map<String, Long> repeats = new HashMap<>();
    for (Path file : StoreLayout.storeFiles(directory)) {
      RecordScanner.scan(file, (offset, record) -> {
        if (record.dump() != null) {
          found.add(summary(record.dump(), 1));
        } else {
          Occurrences counted = record.occurrences();
          repeats.merge(counted.id(), counted.count(), Long::sum);
        }
      });
    }
    List<DumpSummary> summaries = new ArrayList<>(found.size());
    for (DumpSummary s : found) {
      long occurrences = 1 + repeats.getOrDefault(s.id(), 0L);
      summaries.add(new DumpSummary(s.id(), s.time(), s.level(), s.type(), s.message(), s.logger(), s.thread(),
          s.fingerprint(), occurrences));
    }
    summaries.sort(Comparator.comparing(DumpSummary::time));
    return summaries;
  }

  private static DumpSummary summary(Dump dump, long occurrences) {
    return new DumpSummary(dump.id(), dump.time(), dump.level(), dump.exception().root().type(),
        dump.exception().root().message(), dump.logger(), dump.thread().name(), Fingerprint.of(dump.exception()),
        occurrences);
  }

  static void requireWire() throws IOException {
    Throwable failure = WireRuntime.awaitReady(INIT_WAIT);
    if (failure != null) {
      throw new IOException("Chronicle Wire is unavailable: " + failure, failure);
    }
  }
}
