package dev.offlinedebug.codec;

import dev.offlinedebug.Dump;

/**
 * One decoded store record: either a dump or an occurrence counter.
 *
 * @param dump the dump, or {@code null} for a counter record
 * @param occurrences the counter, or {@code null} for a dump record
 */
public record DecodedRecord(Dump dump, Occurrences occurrences) {}
