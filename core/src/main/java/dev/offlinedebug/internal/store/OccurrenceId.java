package dev.offlinedebug.internal.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ID of an occurrence: a repeat of a failure stored against its first dump. The first dump's
 * ID, a dot, and where the occurrence record lies: its offset (base 36) when it is in the first
 * dump's store file, else that file's name, a dash and the offset. So {@code grep} of the first ID
 * finds every occurrence's log line too, and an occurrence loads with two positioned reads.
 *
 * <pre>
 * od-mhx2k3a1b-q7f3kz-1a2b            the first dump
 * od-mhx2k3a1b-q7f3kz-1a2b.5k7        an occurrence in the same store file
 * od-mhx2k3a1b-q7f3kz-1a2b.mhx2l0c4e-8dq2ma-3f  an occurrence in a later file
 * </pre>
 *
 * @param first where the first dump lies
 * @param at where the occurrence record lies
 */
record OccurrenceId(DumpId first, DumpId at) {
  private static final String SUFFIX = "\\.(?:(" + DumpId.FILE + ")-)?(" + DumpId.OFFSET + ")";
  private static final Pattern SHAPE = Pattern.compile(
      "(" + DumpId.PREFIX + DumpId.FILE + "-" + DumpId.OFFSET + ")" + SUFFIX);
  /** A dump's or an occurrence's ID anywhere in a text. */
  private static final Pattern ANY_ID = Pattern.compile(
      DumpId.PREFIX + DumpId.FILE + "-" + DumpId.OFFSET + "(?:" + SUFFIX + ")?");

  String text() {
    String offset = Long.toString(at.offset(), 36);
    return first.text() + "." + (at.file().equals(first.file()) ? offset : at.file() + "-" + offset);
  }

  /**
   * The first dump or occurrence ID inside {@code text}, or {@code null}: for a text that is not an
   * ID itself, such as one copied with the log line's bracket ({@code od-...-0]}).
   */
  static String findIn(String text) {
    Matcher m = ANY_ID.matcher(text);
    return m.find() ? m.group() : null;
  }

  /** The occurrence ID {@code text}, or {@code null} when it is not one. */
  static OccurrenceId parse(String text) {
    Matcher m = SHAPE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return null;
    }
    DumpId first = DumpId.parse(m.group(1));
    String file = m.group(2) == null ? first.file() : m.group(2);
    return new OccurrenceId(first, new DumpId(file, Long.parseLong(m.group(3), 36)));
  }
}
