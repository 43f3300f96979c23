package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.spi.StoreTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The list and stats pages of {@code serve}, with the filter form both share. */
final class ViewerPages {
  /** Rows shown at most on the list page, newest first; the filters narrow down the rest. */
  static final int MAX_ROWS = 500;
  /** Fingerprints in the stats table. */
  static final int TOP = 20;

  private final String storeName;

  /** @param storeName the store's directory, shown in every page's navigation */
  ViewerPages(String storeName) {
    this.storeName = storeName;
  }

  /** The navigation bar; {@code query} keeps the filters when switching between list and stats. */
  String navigation(ViewerQuery query) {
    String filters = HtmlPage.escape(query.filterQuery());
    return "<a href=\"/" + filters + "\">Dumps</a><a href=\"/stats" + filters + "\">Stats</a>"
        + "<span class=\"dim\">" + HtmlPage.escape(storeName) + "</span>";
  }

  /** The list page: the matching dumps, newest first. */
  String list(List<DumpSummary> all, ViewerQuery query) {
    StringBuilder body = new StringBuilder(16_384).append("<h1>Dumps</h1>\n");
    List<DumpSummary> matching = matching(all, Function.identity(), query, body, "/");
    if (matching == null) {
      return HtmlPage.of("Dumps - offline-debug", navigation(query), body.toString());
    }
    body.append("<p class=\"dim\" id=\"count\">").append(matching.size()).append(" of ").append(all.size())
        .append(" dumps").append(matching.size() > MAX_ROWS ? ", newest " + MAX_ROWS + " shown" : "").append("</p>\n")
        .append("<table class=\"list\"><thead><tr><th>time (UTC)</th><th>ID</th><th>level</th><th>exception</th>")
        .append("<th>logger</th><th>thread</th><th>occurrences</th></tr></thead><tbody>\n");
    for (int i = matching.size() - 1; i >= Math.max(0, matching.size() - MAX_ROWS); i--) {
      DumpSummary summary = matching.get(i);
      body.append("<tr class=\"dump-row\"><td class=\"mono\">").append(SummaryLine.TIME.format(summary.time()))
          .append("</td><td class=\"mono\">").append(dumpLink(summary.id()))
          .append("</td><td>").append(HtmlPage.escape(summary.level() == null ? "-" : summary.level()))
          .append("</td><td class=\"exc\">").append(HtmlPage.escape(exception(summary)))
          .append("</td><td>").append(HtmlPage.escape(summary.logger() == null ? "" : summary.logger()))
          .append("</td><td>").append(HtmlPage.escape(summary.thread()))
          .append("</td><td>").append(summary.occurrences()).append("</td></tr>\n");
    }
    body.append("</tbody></table>\n");
    return HtmlPage.of("Dumps - offline-debug", navigation(query), body.toString());
  }

  /**
   * The stats page: a chart of occurrences over time, then the top fingerprints. Each occurrence
   * counts at its own time, and with {@code since} only those since then count, as in {@code stats
   * --since}.
   */
  String stats(List<StoreTimeline.Failure> all, ViewerQuery query) {
    StringBuilder body = new StringBuilder(16_384).append("<h1>Stats</h1>\n");
    List<StoreTimeline.Failure> matching = matching(all, StoreTimeline.Failure::line, query, body, "/stats");
    if (matching == null) {
      return HtmlPage.of("Stats - offline-debug", navigation(query), body.toString());
    }
    Instant since = query.filter().since;
    Map<String, StatsCommand.Tally> byFingerprint = new LinkedHashMap<>();
    for (StoreTimeline.Failure failure : matching) {
      byFingerprint.computeIfAbsent(failure.line().fingerprint(), f -> new StatsCommand.Tally())
          .add(since == null ? failure.line() : countedSince(failure, since));
    }
    List<Map.Entry<String, StatsCommand.Tally>> top = new ArrayList<>(byFingerprint.entrySet());
    top.sort(Comparator.comparingLong((Map.Entry<String, StatsCommand.Tally> e) -> e.getValue().occurrences)
        .reversed().thenComparing(e -> e.getValue().latest.lastSeen(), Comparator.reverseOrder()));
    if (top.isEmpty()) {
      return HtmlPage.of("Stats - offline-debug", navigation(query), body.append("<p>No dumps match.</p>\n").toString());
    }
    Map<String, String> series = new LinkedHashMap<>();
    for (Map.Entry<String, StatsCommand.Tally> entry : top.subList(0, Math.min(StatsChart.COLORS.size(), top.size()))) {
      series.put(entry.getKey(), exception(entry.getValue().latest));
    }
    body.append("<h2>Occurrences over time</h2>\n").append(StatsChart.svg(matching, series, since))
        .append("<table class=\"list\"><thead><tr><th></th><th>count</th><th>dumps</th><th>last seen (UTC)</th>")
        .append("<th>latest ID</th><th>exception</th></tr></thead><tbody>\n");
    for (int i = 0; i < Math.min(TOP, top.size()); i++) {
      StatsCommand.Tally tally = top.get(i).getValue();
      String color = i < StatsChart.COLORS.size() ? StatsChart.COLORS.get(i) : StatsChart.OTHERS_COLOR;
      body.append("<tr class=\"fingerprint\"><td><span class=\"swatch\" style=\"background:").append(color)
          .append("\"></span></td><td>").append(tally.occurrences).append("</td><td>").append(tally.dumps)
          .append("</td><td class=\"mono\">").append(SummaryLine.TIME.format(tally.latest.lastSeen()))
          .append("</td><td class=\"mono\">").append(dumpLink(tally.latest.latestId()))
          .append("</td><td class=\"exc\">").append(HtmlPage.escape(exception(tally.latest))).append("</td></tr>\n");
    }
    body.append("</tbody></table>\n");
    return HtmlPage.of("Stats - offline-debug", navigation(query), body.toString());
  }

  /** {@code failure}'s line counting only its occurrences at or after {@code since}. */
  private static DumpSummary countedSince(StoreTimeline.Failure failure, Instant since) {
    DumpSummary s = failure.line();
    return new DumpSummary(s.id(), s.time(), s.level(), s.type(), s.message(), s.logger(), s.thread(), s.fingerprint(),
        failure.occurrencesSince(since), s.lastSeen(), s.latestId());
  }

  /**
   * Appends the filter form and returns the entries whose {@code line} passes it, or {@code null}
   * after appending why the filters are not valid.
   */
  private static <T> List<T> matching(List<T> all, Function<T, DumpSummary> line, ViewerQuery query,
      StringBuilder body, String action) {
    body.append("<form class=\"filters\" method=\"get\" action=\"").append(action).append("\">\n");
    for (String name : ViewerQuery.FILTERS) {
      String value = query.get(name);
      body.append("<label>").append(name).append(" <input name=\"").append(name).append("\" value=\"")
          .append(value == null ? "" : HtmlPage.escape(value)).append("\" placeholder=\"")
          .append(placeholder(name)).append("\"></label>\n");
    }
    body.append("<button type=\"submit\">Filter</button></form>\n");
    try {
      SummaryFilter filter = query.filter();
      return all.stream().filter(entry -> filter.test(line.apply(entry))).toList();
    } catch (IllegalArgumentException invalid) {
      body.append("<p class=\"exc\" id=\"error\">").append(HtmlPage.escape(invalid.getMessage())).append("</p>\n");
      return null;
    }
  }

  private static String placeholder(String name) {
    return switch (name) {
      case "since" -> "2h or 2026-11-26T05:00:00Z";
      case "until" -> "ISO-8601 or 30m";
      case "type" -> "IllegalState";
      case "logger" -> "com.acme";
      default -> "regex";
    };
  }

  private static String dumpLink(String id) {
    return "<a href=\"" + HtmlPage.escape(dumpPage(id)) + "\">" + HtmlPage.escape(id) + "</a>";
  }

  /** The address of the page of dump {@code id}, not yet escaped for HTML. */
  static String dumpPage(String id) {
    return "/dump/" + ViewerQuery.encode(id);
  }

  private static String exception(DumpSummary summary) {
    return summary.type() + (summary.message() == null ? "" : ": " + SummaryLine.messageStart(summary.message()));
  }
}
