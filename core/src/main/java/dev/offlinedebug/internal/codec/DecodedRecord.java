package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;

/**
 * One decoded store record: a dump, an occurrence counter, or an occurrence stored against a first
 * dump; exactly one component is not {@code null}.
 *
 * @param dump the dump, or {@code null}
 * @param occurrences the counter (repeats only counted), or {@code null}
 * @param occurrence the repeat stored as differences, or {@code null}
 */
public record DecodedRecord(Dump dump, Occurrences occurrences, Occurrence occurrence) {
  /** A dump or counter record. */
  public DecodedRecord(Dump dump, Occurrences occurrences) {
    this(dump, occurrences, null);
  }
}
