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
 *     1)
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
    long occurrences) {}
