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
  private static final Pattern SHAPE = Pattern.compile("od-([0-9a-z]{9}-[0-9a-z]{6})-([0-9a-z]{1,12})");

  String text() {
    return PREFIX + file + "-" + Long.toString(offset, 36);
  }

  /** The ID {@code text}, or {@code null} when it is not an ID of this shape. */
  public static DumpId parse(String text) {
    Matcher m = SHAPE.matcher(text == null ? "" : text);
    return m.matches() ? new DumpId(m.group(1), Long.parseLong(m.group(2), 36)) : null;
  }
}
