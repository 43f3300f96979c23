package dev.offlinedebug.internal.codec;

/**
 * A counter record: {@code count} more occurrences of the failure dumped as {@code id}, which dedup
 * folded onto that dump instead of writing new ones.
 *
 * @param id the dump the occurrences belong to; never null
 * @param count how many occurrences this record adds
 */
public record Occurrences(String id, long count) {}
