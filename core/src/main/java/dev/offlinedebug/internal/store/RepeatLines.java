package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The listing line of a stored occurrence, for a follower ({@code tail}): with the occurrence's own
 * time, thread, logger, level and message, which only its record holds, and its exception, which
 * takes its first dump ({@link OccurrenceLoad}). A failure repeating is followed by the repeats of
 * a few first dumps at a time, so the last {@value #MAX_FIRST_DUMPS} first dumps read are kept
 * decoded: a repeat then costs one read, its own record. Not thread-safe.
 */
final class RepeatLines {
  static final int MAX_FIRST_DUMPS = 8;

  private final OccurrenceLoad.Records records;
  private final Function<DumpId, Path> file;
  private final Function<String, DumpNotFoundException> notFound;
  private final Map<DumpId, DecodedRecord> firstDumps = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<DumpId, DecodedRecord> eldest) {
      return size() > MAX_FIRST_DUMPS;
    }
  };

  /** The store's reads and messages, as its {@code load} passes them to {@link OccurrenceLoad}. */
  RepeatLines(OccurrenceLoad.Records records, Function<DumpId, Path> file,
      Function<String, DumpNotFoundException> notFound) {
    this.records = records;
    this.file = file;
    this.notFound = notFound;
  }

  /**
   * The line of {@code repeat}, loaded as {@code show} loads its ID. One that no longer loads (its
   * first dump expired, a damaged record) is still a line, with its time and ID, saying why.
   */
  DumpSummary line(SummaryFold.StoredRepeat repeat) throws IOException {
    try {
      Dump dump = OccurrenceLoad.load(OccurrenceId.parse(repeat.id()), repeat.id(), this::read, file, notFound);
      return SummaryFold.summary(repeat.id(), dump);
    } catch (DumpNotFoundException | DumpFormatException e) {
      return new DumpSummary(repeat.id(), repeat.time(), null, "(not loaded: " + e.getMessage() + ")", null, null,
          "?", "", 1);
    }
  }

  private DecodedRecord read(DumpId at, String id) throws IOException {
    DecodedRecord cached = firstDumps.get(at);
    if (cached != null) {
      return cached;
    }
    DecodedRecord record = records.read(at, id);
    if (record.dump() != null) {
      firstDumps.put(at, record); // records are only appended: what lies at a position never changes
    }
    return record;
  }
}
