package dev.offlinedebug.internal.codec;

import java.util.Arrays;

/**
 * Tells the records that belong to one first dump, its occurrences and its counters, by their first
 * bytes: both start with the format version and then the first dump's ID ({@link
 * WireSchema#FIRST_ID} or {@link WireSchema#COUNTED_ID}), so a scan for them decodes only those and
 * reads a few dozen bytes of every other record.
 *
 * @since 0.2
 */
public final class RepeatRecords {
  private final byte[] occurrence;
  private final byte[] counter;

  private RepeatRecords(String firstId) {
    occurrence = start(WireSchema.FIRST_ID, firstId);
    counter = start(WireSchema.COUNTED_ID, firstId);
  }

  /** The records of the first dump {@code firstId}. */
  public static RepeatRecords of(String firstId) {
    return new RepeatRecords(firstId);
  }

  private static byte[] start(String field, String firstId) {
    WireBuffer out = new WireBuffer(64);
    out.field(WireSchema.VERSION);
    out.int32(DumpCodec.FORMAT_VERSION);
    out.field(field);
    TextWriter.write(out, firstId);
    return Arrays.copyOf(out.array(), out.position());
  }

  /** How many bytes of a payload {@link #matches} needs. */
  public int prefixLength() {
    return Math.max(occurrence.length, counter.length);
  }

  /** Whether a payload starting with {@code start[0, length)} may be one of these records. */
  public boolean matches(byte[] start, int length) {
    return startsWith(start, length, occurrence) || startsWith(start, length, counter);
  }

  private static boolean startsWith(byte[] start, int length, byte[] prefix) {
    return length >= prefix.length && Arrays.equals(start, 0, prefix.length, prefix, 0, prefix.length);
  }
}
