package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.Occurrences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the records of scanned store files into a listing: a summary per dump, with the occurrences
 * that dedup counted onto it (in counter records of the same or a later file) folded in. Keeps a
 * line per dump, never the dumps themselves.
 */
final class SummaryFold implements RecordScanner.Visitor {
  private final List<DumpSummary> found = new ArrayList<>();
  private final Map<String, Long> repeats = new HashMap<>();

  @Override
  public void record(long offset, DecodedRecord record) {
    if (record.dump() != null) {
      dump(summary(record.dump().id(), record.dump()));
    } else if (record.occurrence() != null) {
      repeats(record.occurrence().firstId(), 1);
    } else {
      Occurrences counted = record.occurrences();
      repeats(counted.id(), counted.count());
    }
  }

  /** A dump record, as {@code summary} (its occurrences counted apart). */
  void dump(DumpSummary summary) {
    found.add(summary);
  }

  /** An occurrence record ({@code count} 1) or a counter record of the dump {@code id}. */
  void repeats(String id, long count) {
    repeats.merge(id, count, SummaryFold::saturatedSum);
  }

  /** What {@code other} folded, from other store files. */
  void add(SummaryFold other) {
    found.addAll(other.found);
    other.repeats.forEach(this::repeats);
  }

  /** Every dump seen, oldest first, with its occurrences. */
  List<DumpSummary> summaries() {
    List<DumpSummary> summaries = new ArrayList<>(found.size());
    for (DumpSummary s : found) {
      long occurrences = saturatedSum(1, repeats.getOrDefault(s.id(), 0L));
      summaries.add(withOccurrences(s, occurrences));
    }
    summaries.sort(Comparator.comparing(DumpSummary::time));
    return summaries;
  }

  /**
   * Hands what this fold found to a listing that reads the newest store file first ({@link
   * NewestFirst}): its repeats join {@code repeats}, which holds those of the files read before,
   * then each dump goes to {@code dumps} with its repeats counted, taken out of {@code repeats}.
   * Occurrences follow their first dump, so when its file is read every repeat of it has been.
   */
  void handNewestFirst(Map<String, Long> newer, Consumer<DumpSummary> dumps) {
    repeats.forEach((id, count) -> newer.merge(id, count, SummaryFold::saturatedSum));
    for (DumpSummary s : found) {
      Long counted = newer.remove(s.id());
      dumps.accept(withOccurrences(s, saturatedSum(1, counted == null ? 0 : counted)));
    }
  }

  private static DumpSummary withOccurrences(DumpSummary s, long occurrences) {
    return new DumpSummary(s.id(), s.time(), s.level(), s.type(), s.message(), s.logger(), s.thread(),
        s.fingerprint(), occurrences);
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
