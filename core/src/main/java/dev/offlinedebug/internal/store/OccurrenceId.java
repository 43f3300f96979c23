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
  private static final String PART = "[0-9a-z]{9}-[0-9a-z]{6}";
  private static final Pattern SHAPE = Pattern.compile(
      "(od-" + PART + "-[0-9a-z]{1,12})\\.(?:(" + PART + ")-)?([0-9a-z]{1,12})");

  String text() {
    String offset = Long.toString(at.offset(), 36);
    return first.text() + "." + (at.file().equals(first.file()) ? offset : at.file() + "-" + offset);
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
