package dev.offlinedebug.internal.render;

import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.spi.DumpRenderer;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * What a dump's page says about the repeats of its failure, as {@code show} prints it: for a repeat,
 * the first dump it belongs to; for a first dump, how often its failure was logged in the header,
 * and after the stack trace the ID, time and thread of each stored repeat (oldest first, as many as
 * the store lists and the page's size allows) and how many were only counted.
 */
final class HtmlOccurrences {
  private final String id;
  private final DumpOccurrences occurrences;
  private final UnaryOperator<String> pageOf;
  private final String anchor;

  /**
   * @param id the dump's ID
   * @param pageOf the address of a dump's page by its ID, or {@code null}: IDs are text
   * @param anchor the element ID of the list of repeats, unique on the page
   */
  HtmlOccurrences(String id, DumpOccurrences occurrences, UnaryOperator<String> pageOf, String anchor) {
    this.id = id;
    this.occurrences = occurrences;
    this.pageOf = pageOf;
    this.anchor = anchor;
  }

  /** Appends the header field: the first dump of a repeat, or how often this dump's failure was logged. */
  void field(StringBuilder out) {
    if (repeat()) {
      out.append("<dt>repeat of</dt><dd>").append(dumpId(occurrences.firstId())).append(" (")
          .append(occurrences.total()).append(" occurrences in all), with its own time, thread, MDC and values</dd>\n");
      return;
    }
    out.append("<dt>occurrences</dt><dd>").append(occurrences.total());
    if (repeated()) {
      out.append(" in all: this dump, ").append(occurrences.stored().size() + occurrences.unlisted())
          .append(" stored with their own values (<a class=\"ref\" href=\"#").append(anchor)
          .append("\">listed below</a>), ").append(occurrences.counted()).append(" counted only");
    }
    out.append("</dd>\n");
  }

  /** Appends the list of stored repeats, when this is a first dump whose failure repeated. */
  void list(StringBuilder out) {
    if (repeat() || !repeated()) {
      return;
    }
    out.append("<h2 id=\"").append(anchor).append("\">Repeats</h2>\n<p class=\"dim\">")
        .append(pageOf == null
            ? "Each repeat's ID loads its own values: offline-debug show ID, or html ID, with this dump's --dir."
            : "Each repeat's page shows its own time, thread, MDC and values.")
        .append("</p>\n");
    long notListed = occurrences.unlisted();
    if (!occurrences.stored().isEmpty()) {
      out.append("<table class=\"list repeats\"><thead><tr><th>time (UTC)</th><th>ID</th><th>thread</th></tr>")
          .append("</thead><tbody>\n");
      int listed = 0;
      for (DumpOccurrences.Stored stored : occurrences.stored()) {
        // A store lists at most MAX_LISTED; the page's bound holds whatever the threads' names hold.
        if (listed == DumpOccurrences.MAX_LISTED || out.length() >= DumpRenderer.MAX_CHARS) {
          break;
        }
        out.append("<tr class=\"repeat\"><td class=\"mono\">").append(DateTimeFormatter.ISO_INSTANT.format(stored.time()))
            .append("</td><td class=\"mono\">").append(dumpId(stored.id())).append("</td><td>")
            .append(HtmlText.escape(stored.thread())).append("</td></tr>\n");
        listed++;
      }
      out.append("</tbody></table>\n");
      notListed += occurrences.stored().size() - listed;
    }
    if (notListed > 0) {
      out.append("<p class=\"dim\">... ").append(notListed).append(" more not listed</p>\n");
    }
    if (occurrences.counted() > 0) {
      out.append("<p><span class=\"marker\">").append(occurrences.counted()).append(" counted only</span> ")
          .append("(past the repeats' byte budget or maxDumpsPerSecond): their log lines carry this dump's ID;")
          .append(" their own values were not kept</p>\n");
    }
  }

  /** Whether this dump is a repeat stored against a first dump, not a first dump. */
  private boolean repeat() {
    return !occurrences.firstId().isEmpty() && !occurrences.firstId().equals(id);
  }

  private boolean repeated() {
    return occurrences.total() > 1;
  }

  private String dumpId(String dumpId) {
    String text = HtmlText.escape(dumpId);
    return pageOf == null ? text : "<a href=\"" + HtmlText.escape(pageOf.apply(dumpId)) + "\">" + text + "</a>";
  }
}
