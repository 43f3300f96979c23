package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.Occurrence;
import dev.offlinedebug.internal.codec.Occurrences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the records of scanned store files into a listing: a summary per dump, with the occurrences
 * that dedup counted onto it (in occurrence and counter records of the same or a later file) folded
 * in, with the time and ID of its latest stored occurrence. Keeps a line per dump, never the dumps
 * themselves.
 */
final class SummaryFold implements RecordScanner.Visitor {
  private final List<DumpSummary> found = new ArrayList<>();
  private final Map<String, Repeats> repeats = new HashMap<>();

  @Override
  public void record(long offset, DecodedRecord record) {
    if (record.dump() != null) {
      dump(summary(record.dump().id(), record.dump()));
    } else if (record.occurrence() != null) {
      Occurrence o = record.occurrence();
      OccurrenceId stored = OccurrenceId.parse(o.id());
      if (stored != null && stored.at().offset() == offset && stored.first().text().equals(o.firstId())) {
        occurrence(o.firstId(), o.id(), o.time());
      } else {
        counted(o.firstId(), 1); // an ID that does not name where it lies would not load: no latest ID
      }
    } else {
      Occurrences counted = record.occurrences();
      counted(counted.id(), counted.count());
    }
  }

  /** A dump record, as {@code summary} (its occurrences counted apart). */
  void dump(DumpSummary summary) {
    found.add(summary);
  }

  /** An occurrence record of the dump {@code firstId}: its own ID and time. */
  void occurrence(String firstId, String id, Instant time) {
    repeats.computeIfAbsent(firstId, f -> new Repeats()).add(1, time, id);
  }

  /** A counter record: {@code count} more of the dump {@code id}, with no time of their own. */
  void counted(String id, long count) {
    repeats.computeIfAbsent(id, f -> new Repeats()).add(count, null, null);
  }

  /** What {@code other} folded, from other store files. */
  void add(SummaryFold other) {
    found.addAll(other.found);
    other.repeats.forEach((id, more) -> repeats.computeIfAbsent(id, f -> new Repeats()).add(more));
  }

  /** Every dump seen, oldest first, with its occurrences. */
  List<DumpSummary> summaries() {
    List<DumpSummary> summaries = new ArrayList<>(found.size());
    for (DumpSummary s : found) {
      summaries.add(withRepeats(s, repeats.get(s.id())));
    }
    summaries.sort(Comparator.comparing(DumpSummary::time));
    return summaries;
  }

  /**
   * Hands what this fold found to a listing that reads the newest store file first ({@link
   * NewestFirst}): its repeats join {@code newer}, which holds those of the files read before, then
   * each dump goes to {@code dumps} with its repeats counted, taken out of {@code newer}.
   * Occurrences follow their first dump, so when its file is read every repeat of it has been.
   */
  void handNewestFirst(Map<String, Repeats> newer, Consumer<DumpSummary> dumps) {
    repeats.forEach((id, more) -> newer.computeIfAbsent(id, f -> new Repeats()).add(more));
    for (DumpSummary s : found) {
      dumps.accept(withRepeats(s, newer.remove(s.id())));
    }
  }

  /** {@code s} with {@code more} (null: none) counted onto it. */
  private static DumpSummary withRepeats(DumpSummary s, Repeats more) {
    if (more == null) {
      return s;
    }
    boolean later = more.lastSeen != null && more.lastSeen.isAfter(s.time());
    return new DumpSummary(s.id(), s.time(), s.level(), s.type(), s.message(), s.logger(), s.thread(),
        s.fingerprint(), saturatedSum(1, more.count), later ? more.lastSeen : s.time(), later ? more.latestId : s.id());
  }

  /**
   * The repeats of one dump folded so far: how many, and the latest stored occurrence's time and ID
   * (null while only counters were seen).
   */
  static final class Repeats {
    private long count;
    private Instant lastSeen;
    private String latestId;

    /** Whether a repeat at or after {@code since} was stored. */
    boolean seenSince(Instant since) {
      return lastSeen != null && !lastSeen.isBefore(since);
    }

    private void add(long more, Instant time, String id) {
      count = saturatedSum(count, more);
      if (time != null && (lastSeen == null || time.isAfter(lastSeen))) {
        lastSeen = time;
        latestId = id;
      }
    }

    private void add(Repeats other) {
      add(other.count, other.lastSeen, other.latestId);
    }
  }

  /** Counts from crafted records may add up past {@code Long.MAX_VALUE}: they stop there. */
  static long saturatedSum(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** The line of {@code dump}, stored as {@code id}. */
  static DumpSummary summary(String id, Dump dump) {
    return new DumpSummary(id, dump.time(), dump.level(), dump.exception().root().type(),
        dump.exception().root().message(), dump.logger(), dump.thread().name(), Fingerprint.of(dump.exception()), 1);
  }
}
