package dev.offlinedebug;

import java.time.Instant;
import java.util.List;

/**
 * The repeats of one failure that dedup folded onto its first dump: those stored as occurrences,
 * each with its own ID and values, and those only counted.
 *
 * @param firstId the first dump's ID; never null
 * @param stored the stored occurrences, oldest first, at most {@link #MAX_LISTED}; never null
 * @param unlisted stored occurrences beyond {@link #MAX_LISTED}, not in {@code stored}
 * @param counted repeats only counted, past the byte budget of the failure's occurrences or past
 *     {@code maxDumpsPerSecond}: their values were not kept, and their log lines carry {@code firstId}
 * @since 0.2
 */
public record DumpOccurrences(String firstId, List<Stored> stored, long unlisted, long counted) {
  /** Stored occurrences listed at most; the rest are only counted in {@link #unlisted}. */
  public static final int MAX_LISTED = 1000;

  public DumpOccurrences {
    stored = List.copyOf(stored);
  }

  /** No repeats of {@code firstId} known. */
  public static DumpOccurrences none(String firstId) {
    return new DumpOccurrences(firstId, List.of(), 0, 0);
  }

  /** How often the failure was logged: the first dump, every stored occurrence and every counted one. */
  public long total() {
    long listed = 1L + stored.size() + unlisted;
    return counted > Long.MAX_VALUE - listed ? Long.MAX_VALUE : listed + counted;
  }

  /**
   * One stored occurrence.
   *
   * @param id its ID, which loads its own values; never null
   * @param time when it was logged; never null
   * @param thread the name of the thread that logged it; never null
   */
  public record Stored(String id, Instant time, String thread) {}
}
