package dev.offlinedebug.cli;

import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;

/**
 * What {@code show} prints under a dump about the repeats of its failure: for an occurrence, the
 * first dump it belongs to; for a first dump, the ID, time and thread of each stored occurrence and
 * how many repeats were only counted. Apart from {@link DumpRenderer} so the dump's own text does not
 * depend on a store.
 */
final class OccurrenceText {
  /** The width of {@link DumpRenderer}'s labels, so these lines line up with the dump's header. */
  private static final String INDENT = " ".repeat(12);

  private final Style style;

  OccurrenceText(Style style) {
    this.style = style;
  }

  /** The lines for dump {@code id}; empty when its failure never repeated. */
  String render(String id, DumpOccurrences occurrences) {
    StringBuilder out = new StringBuilder();
    if (!occurrences.firstId().isEmpty() && !occurrences.firstId().equals(id)) {
      out.append('\n').append(style.dim("occurrence  ")).append("a repeat of ")
          .append(TerminalText.escape(occurrences.firstId())).append(" (").append(occurrences.total())
          .append(" occurrences in all), with its own time, thread, MDC and values\n");
      return out.toString();
    }
    if (occurrences.total() == 1) {
      return "";
    }
    out.append('\n').append(style.dim("occurrences ")).append(occurrences.total()).append(" in all: this dump, ")
        .append(occurrences.stored().size() + occurrences.unlisted()).append(" stored with their own values, ")
        .append(occurrences.counted()).append(" counted only\n");
    for (DumpOccurrences.Stored stored : occurrences.stored()) {
      out.append(INDENT).append(TerminalText.escape(stored.id())).append("  ").append(stored.time()).append("  [")
          .append(TerminalText.escape(stored.thread())).append("]\n");
    }
    if (occurrences.unlisted() > 0) {
      out.append(INDENT).append(style.dim("... " + occurrences.unlisted() + " more not listed")).append('\n');
    }
    if (occurrences.counted() > 0) {
      out.append(INDENT).append(style.yellow(occurrences.counted() + " counted only"))
          .append(" (past the repeats' byte budget, maxDumpBytes per dedupWindow, or past maxDumpsPerSecond):"
              + " their log lines carry this dump's ID; their own values were not kept\n");
    }
    return out.toString();
  }
}
