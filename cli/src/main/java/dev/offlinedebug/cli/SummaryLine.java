package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One dump as one line of {@code list} and {@code tail}. */
final class SummaryLine {
  /** Fixed width, so that lines align. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final int MESSAGE_START = 60;

  private final Style style;

  SummaryLine(Style style) {
    this.style = style;
  }

  /** {@code time  ID  level  type: message start  logger  [thread]  (n occurrences)}. */
  String format(DumpSummary summary) {
    return format(summary, null);
  }

  /**
   * As {@link #format(DumpSummary)}; for a repeat stored against the first dump {@code repeatOf}
   * (not null), its own line ending in {@code (repeat of FIRST-ID)}: what {@code tail} prints as
   * each repeat is written, where {@code list} counts it onto the first dump's line.
   */
  String format(DumpSummary summary, String repeatOf) {
    StringBuilder line = new StringBuilder(160);
    line.append(style.dim(TIME.format(summary.time()))).append("  ")
        .append(style.bold(TerminalText.escape(summary.id()))).append("  ")
        .append(String.format("%-5s", summary.level() == null ? "-" : TerminalText.escape(summary.level())))
        .append("  ")
        .append(style.red(TerminalText.escape(summary.type())));
    if (summary.message() != null) {
      line.append(": ").append(TerminalText.escape(messageStart(summary.message())));
    }
    if (summary.logger() != null) {
      line.append("  ").append(style.cyan(TerminalText.escape(summary.logger())));
    }
    line.append("  [").append(TerminalText.escape(summary.thread())).append(']');
    if (repeatOf != null) {
      line.append("  ").append(style.yellow("(repeat of " + TerminalText.escape(repeatOf) + ")"));
    } else if (summary.occurrences() > 1) {
      line.append("  ").append(style.yellow("(" + summary.occurrences() + " occurrences)"));
    }
    return line.toString();
  }

  /** The first line of {@code message}, cut to a readable length (cut before escaping, never inside an escape). */
  static String messageStart(String message) {
    int end = message.indexOf('\n');
    String first = end < 0 ? message : message.substring(0, end);
    boolean cut = end >= 0;
    if (first.length() > MESSAGE_START) {
      first = first.substring(0, MESSAGE_START);
      cut = true;
    }
    return cut ? first + "..." : first;
  }
}
