package dev.offlinedebug;

import java.time.Instant;

/**
 * One line of a store listing.
 *
 * @param id never null
 * @param time when the dump was written; never null
 * @param level or {@code null}
 * @param type the logged throwable's class name; never null
 * @param message the logged throwable's message, or {@code null}
 * @param logger or {@code null}
 * @param thread the logging thread's name; never null
 * @param fingerprint the dedup fingerprint: exception types plus top frames; never null
 * @param occurrences how often this failure was logged while deduplicated onto this dump (at least
 *     1); in a listing from a time on ({@link DumpStore#newestFirst}), how often since then
 * @param lastSeen when the latest stored occurrence of this dump was logged, else {@code time};
 *     never null. A repeat only counted (past {@code maxDumpBytes}) has no time of its own. Since 0.2
 * @param latestId the ID of that occurrence, else {@code id}; never null. Since 0.2
 * @since 0.1
 */
public record DumpSummary(
    String id,
    Instant time,
    String level,
    String type,
    String message,
    String logger,
    String thread,
    String fingerprint,
    long occurrences,
    Instant lastSeen,
    String latestId) {

  /**
   * A line whose failure was last seen in the dump itself: {@code lastSeen} is {@code time}, {@code
   * latestId} is {@code id}. The constructor of 0.1, before the record had those two components.
   */
  public DumpSummary(String id, Instant time, String level, String type, String message, String logger,
      String thread, String fingerprint, long occurrences) {
    this(id, time, level, type, message, logger, thread, fingerprint, occurrences, time, id);
  }
}
