package dev.offlinedebug.internal.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dump ID: {@code od-<file>-<offset>}, where {@code <file>} names the store file (its creation
 * time in base-36 milliseconds and a random writer tag) and {@code <offset>} is the record's byte
 * offset in it, base 36. So an ID is greppable by its {@code od-} prefix, unique because every
 * writer appends to files only it created, and resolvable with one seek.
 *
 * @param file the store file's name without suffix, e.g. {@code "mhx2k3a1b-q7f3kz"}
 * @param offset the record's offset in that file
 */
public record DumpId(String file, long offset) {
  static final String PREFIX = "od-";
  /** Base-36 digits of the largest offset. */
  private static final int MAX_DIGITS = 13;
  /** A store file's part of an ID: its creation time and its writer's tag. */
  static final String FILE = "[0-9a-z]{9}-[0-9a-z]{6}";
  /** An offset's part of an ID. */
  static final String OFFSET = "[0-9a-z]{1,12}";
  private static final Pattern SHAPE = Pattern.compile(PREFIX + "(" + FILE + ")-(" + OFFSET + ")");

  String text() {
    if (offset < 0) {
      return PREFIX + file + "-" + Long.toString(offset, 36);
    }
    // By hand: Long.toString(offset, 36) fills a 65-char scratch and copies it, once per dump written.
    char[] digits = new char[MAX_DIGITS];
    int at = MAX_DIGITS;
    long rest = offset;
    do {
      digits[--at] = Character.forDigit((int) (rest % 36), 36);
      rest /= 36;
    } while (rest > 0);
    return new StringBuilder(PREFIX.length() + file.length() + 1 + MAX_DIGITS - at)
        .append(PREFIX).append(file).append('-').append(digits, at, MAX_DIGITS - at).toString();
  }

  /**
   * The ID of the first dump that the occurrence {@code id} repeats, or {@code null} when {@code id}
   * is not an occurrence's ID ({@link OccurrenceId}).
   */
  public static String firstDumpOf(String id) {
    OccurrenceId occurrence = OccurrenceId.parse(id);
    return occurrence == null ? null : occurrence.first().text();
  }

  /** The ID {@code text}, or {@code null} when it is not an ID of this shape. */
  public static DumpId parse(String text) {
    Matcher m = SHAPE.matcher(text == null ? "" : text);
    return m.matches() ? new DumpId(m.group(1), Long.parseLong(m.group(2), 36)) : null;
  }
}
