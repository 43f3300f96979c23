package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.Occurrence;
import dev.offlinedebug.internal.codec.Occurrences;
import dev.offlinedebug.spi.SkippedRecords;
import dev.offlinedebug.spi.StoreTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** Only what was logged at or after it is counted (null: everything); last seen counts every record. */
  private final Instant countFrom;
  /**
   * The stored occurrences at or past this offset of the fold's store file are also kept one by one
   * ({@link #storedRepeats()}): those new to a follower ({@code tail}); {@link Long#MAX_VALUE}: none.
   */
  private final long keepRepeatsFrom;
  private final List<StoredRepeat> kept = new ArrayList<>();
  /** Whether each stored occurrence's time is kept with its dump's repeats ({@link #timeline()}). */
  private final boolean keepTimes;
  /** The first damaged record the scan of this fold's store file skipped, or null; and how many it skipped. */
  private DumpFormatException firstDamaged;
  private int damaged;

  /** A fold that counts every occurrence. */
  SummaryFold() {
    this(null);
  }

  /** A fold that counts only the dumps and occurrences logged at or after {@code countFrom} (null: all). */
  SummaryFold(Instant countFrom) {
    this(countFrom, Long.MAX_VALUE, false);
  }

  /**
   * A fold that counts every occurrence and also keeps, one by one, the stored occurrences from
   * offset {@code keepRepeatsFrom} of its store file on.
   */
  static SummaryFold keepingRepeatsFrom(long keepRepeatsFrom) {
    return new SummaryFold(null, keepRepeatsFrom, false);
  }

  /**
   * A fold that counts every occurrence and keeps the time of each stored one, 8 bytes each: for
   * {@link #timeline()}.
   */
  static SummaryFold keepingRepeatTimes() {
    return new SummaryFold(null, Long.MAX_VALUE, true);
  }

  private SummaryFold(Instant countFrom, long keepRepeatsFrom, boolean keepTimes) {
    this.countFrom = countFrom;
    this.keepRepeatsFrom = keepRepeatsFrom;
    this.keepTimes = keepTimes;
  }

  @Override
  public void record(long offset, DecodedRecord record) {
    if (record.dump() != null) {
      dump(summary(record.dump().id(), record.dump()));
    } else if (record.occurrence() != null) {
      Occurrence o = record.occurrence();
      OccurrenceId stored = OccurrenceId.parse(o.id());
      if (stored != null && stored.at().offset() == offset && stored.first().text().equals(o.firstId())) {
        occurrence(o.firstId(), o.id(), o.time(), offset);
      } else {
        counted(o.firstId(), 1); // an ID that does not name where it lies would not load: no latest ID
      }
    } else {
      Occurrences counted = record.occurrences();
      counted(counted.id(), counted.count());
    }
  }

  @Override
  public void damaged(DumpFormatException problem) {
    if (firstDamaged == null) {
      firstDamaged = problem;
    }
    damaged++;
  }

  /** Tells {@code skipped} of the damaged records of this fold's store file, when there were any. */
  void reportDamaged(SkippedRecords skipped) {
    if (firstDamaged != null) {
      skipped.skipped(firstDamaged, damaged);
    }
  }

  /** A dump record, as {@code summary} (its occurrences counted apart). */
  void dump(DumpSummary summary) {
    found.add(summary);
  }

  /** An occurrence record of the dump {@code firstId} at {@code offset}: its own ID and time. */
  void occurrence(String firstId, String id, Instant time, long offset) {
    Repeats more = repeats.computeIfAbsent(firstId, f -> new Repeats());
    more.add(counted(time) ? 1 : 0, 0, time, id);
    if (keepTimes) {
      more.keepTime(time);
    }
    if (offset >= keepRepeatsFrom) {
      kept.add(new StoredRepeat(id, firstId, time, offset));
    }
  }

  /** A counter record: {@code count} more of the dump {@code id}, with no time of their own. */
  void counted(String id, long count) {
    repeats.computeIfAbsent(id, f -> new Repeats()).add(0, count, null, null);
  }

  private boolean counted(Instant time) {
    return countFrom == null || !time.isBefore(countFrom);
  }

  /** What {@code other} folded, from other store files. */
  void add(SummaryFold other) {
    found.addAll(other.found);
    other.repeats.forEach((id, more) -> repeats.computeIfAbsent(id, f -> new Repeats()).add(more));
  }

  /** Every dump seen, in file order, as written: without the occurrences counted onto it since. */
  List<DumpSummary> dumpsAsWritten() {
    return found;
  }

  /** The stored occurrences kept one by one ({@link #keepingRepeatsFrom}), in file order. */
  List<StoredRepeat> storedRepeats() {
    return kept;
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
   * Every dump seen, oldest first, with its occurrences and the times of those stored, when this
   * fold and those {@linkplain #add added} to it kept them ({@link #keepingRepeatTimes()}).
   */
  List<StoreTimeline.Failure> timeline() {
    List<StoreTimeline.Failure> timeline = new ArrayList<>(found.size());
    for (DumpSummary line : summaries()) {
      Repeats more = repeats.get(line.id());
      timeline.add(new StoreTimeline.Failure(line,
          more == null || more.times == null ? new long[0] : Arrays.copyOf(more.times, more.timeCount)));
    }
    return timeline;
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

  /**
   * {@code s} with {@code more} (null: none) counted onto it. Repeats only counted have no time: they
   * count when the failure was last seen at or after {@code countFrom}.
   */
  private DumpSummary withRepeats(DumpSummary s, Repeats more) {
    if (more == null && countFrom == null) {
      return s;
    }
    Repeats repeats = more == null ? new Repeats() : more;
    boolean later = repeats.lastSeen != null && repeats.lastSeen.isAfter(s.time());
    Instant lastSeen = later ? repeats.lastSeen : s.time();
    long occurrences = saturatedSum(saturatedSum(counted(s.time()) ? 1 : 0, repeats.timed),
        counted(lastSeen) ? repeats.untimed : 0);
    return new DumpSummary(s.id(), s.time(), s.level(), s.type(), s.message(), s.logger(), s.thread(),
        s.fingerprint(), occurrences, lastSeen, later ? repeats.latestId : s.id());
  }

  /**
   * The repeats of one dump folded so far: how many stored occurrences were counted, how many repeats
   * counter records only counted, and the latest stored occurrence's time and ID (null while none);
   * in a fold {@linkplain #keepingRepeatTimes() keeping them}, the time of each stored occurrence.
   */
  static final class Repeats {
    private long timed;
    private long untimed;
    private Instant lastSeen;
    private String latestId;
    /** Epoch milliseconds, the first {@code timeCount} used; null while none is kept. */
    private long[] times;
    private int timeCount;

    /** Whether an occurrence logged at or after {@code since} was stored. */
    boolean seenSince(Instant since) {
      return lastSeen != null && !lastSeen.isBefore(since);
    }

    private void add(long moreTimed, long moreUntimed, Instant time, String id) {
      timed = saturatedSum(timed, moreTimed);
      untimed = saturatedSum(untimed, moreUntimed);
      if (time != null && (lastSeen == null || time.isAfter(lastSeen))) {
        lastSeen = time;
        latestId = id;
      }
    }

    private void add(Repeats other) {
      add(other.timed, other.untimed, other.lastSeen, other.latestId);
      for (int i = 0; i < other.timeCount; i++) {
        keepTime(other.times[i]);
      }
    }

    private void keepTime(Instant time) {
      keepTime(StoreTimeline.epochMillis(time));
    }

    private void keepTime(long millis) {
      if (times == null || timeCount == times.length) {
        times = Arrays.copyOf(times == null ? new long[0] : times, Math.max(4, timeCount * 2));
      }
      times[timeCount++] = millis;
    }
  }

  /**
   * One stored occurrence of the dump {@code firstId}.
   *
   * @param offset where its record lies in the fold's store file
   */
  record StoredRepeat(String id, String firstId, Instant time, long offset) {}

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
