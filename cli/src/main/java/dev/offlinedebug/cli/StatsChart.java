package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.spi.StoreTimeline;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Occurrences over time per fingerprint as an inline SVG: stacked bars over equal time buckets
 * between the first and the last occurrence shown, one colour per fingerprint and grey for the rest.
 * Each occurrence counts at its own time, as {@code stats --since} counts it: a first dump at its
 * time, a repeat stored against it at the repeat's, a repeat only counted (it has no time) when the
 * failure was last seen.
 */
final class StatsChart {
  /** Fingerprints with a colour of their own; the rest are drawn together in grey. */
  static final List<String> COLORS = List.of("#0969da", "#cf222e", "#1a7f37", "#9a6700", "#8250df", "#bc4c00");
  static final String OTHERS_COLOR = "#8c959f";
  private static final int BUCKETS = 40;
  private static final int WIDTH = 960;
  private static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int BOTTOM = 28;
  private static final int TOP = 12;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd ").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private StatsChart() {}

  /**
   * @param failures the failures to count, at least one occurrence of them at or after {@code since}
   * @param series the coloured fingerprints, in the order of {@link #COLORS}, to their label
   * @param since occurrences before it are not counted; null: all are
   */
  static String svg(List<StoreTimeline.Failure> failures, Map<String, String> series, Instant since) {
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    for (StoreTimeline.Failure failure : failures) {
      occurrences(failure, since, (millis, count) -> {
        range[0] = Math.min(range[0], millis);
        range[1] = Math.max(range[1], millis);
      });
    }
    Instant from = Instant.ofEpochMilli(range[0]);
    // In double: the times of a crafted store may lie as far apart as a long reaches.
    double span = Math.max((double) range[1] - range[0], 60_000);
    List<String> fingerprints = List.copyOf(series.keySet());
    long[][] counts = new long[fingerprints.size() + 1][BUCKETS];
    for (StoreTimeline.Failure failure : failures) {
      int row = fingerprints.indexOf(failure.line().fingerprint());
      long[] bars = counts[row < 0 ? fingerprints.size() : row];
      occurrences(failure, since, (millis, count) -> {
        int bucket = (int) Math.min(BUCKETS - 1, ((double) millis - range[0]) * BUCKETS / span);
        bars[bucket] += count;
      });
    }
    long highest = 1;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      long stack = 0;
      for (long[] row : counts) {
        stack += row[bucket];
      }
      highest = Math.max(highest, stack);
    }
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double barWidth = (WIDTH - LEFT - 8) / (double) BUCKETS;
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"occurrences over time per fingerprint\">\n");
    // Times at the bars' resolution: a bar narrower than a minute is told apart by its seconds.
    ChronoUnit unit = span / BUCKETS < 60_000 ? ChronoUnit.SECONDS : ChronoUnit.MINUTES;
    DateTimeFormatter time = unit == ChronoUnit.SECONDS ? SECONDS : MINUTES;
    Instant to = at(range[0], span);
    axes(svg, DATE.format(from) + time.format(from), DATE.format(to) + time.format(to), highest);
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      double base = HEIGHT - BOTTOM;
      String bucketTimes = times(time, unit, at(range[0], span * bucket / BUCKETS),
          at(range[0], span * (bucket + 1) / BUCKETS));
      for (int row = 0; row < counts.length; row++) {
        long count = counts[row][bucket];
        if (count == 0) {
          continue;
        }
        double height = count * plotHeight / highest;
        base -= height;
        String failure = row < fingerprints.size() ? series.get(fingerprints.get(row)) : "other fingerprints";
        svg.append("<rect class=\"bar\" x=\"").append(format(LEFT + bucket * barWidth + 1)).append("\" y=\"")
            .append(format(base)).append("\" width=\"").append(format(barWidth - 2)).append("\" height=\"")
            .append(format(height)).append("\" fill=\"")
            .append(row < fingerprints.size() ? COLORS.get(row) : OTHERS_COLOR).append("\"><title>")
            .append(count).append(count == 1 ? " occurrence" : " occurrences").append(bucketTimes).append(": ")
            .append(HtmlPage.escape(failure)).append("</title></rect>\n");
      }
    }
    return svg.append("</svg>\n").toString();
  }

  /** Hands each time at which {@code failure} was logged at or after {@code since} (null: ever), with a count. */
  private static void occurrences(StoreTimeline.Failure failure, Instant since, Occurrences to) {
    long from = since == null ? Long.MIN_VALUE : StoreTimeline.epochMillis(since);
    DumpSummary line = failure.line();
    long first = StoreTimeline.epochMillis(line.time());
    if (first >= from) {
      to.at(first, 1);
    }
    failure.repeatTimes().filter(millis -> millis >= from).forEach(millis -> to.at(millis, 1));
    long lastSeen = StoreTimeline.epochMillis(line.lastSeen());
    if (failure.countedOnly() > 0 && lastSeen >= from) {
      to.at(lastSeen, failure.countedOnly());
    }
  }

  /**
   * " from START to END UTC" for the bar from {@code start} to {@code end}, to the {@code unit}:
   * the start rounded down and the end up, so the times cover every occurrence the bar counts; the
   * end without its date when that is the start's.
   */
  private static String times(DateTimeFormatter time, ChronoUnit unit, Instant start, Instant end) {
    Instant from = start.truncatedTo(unit);
    Instant to = end.truncatedTo(unit).equals(end) ? end : end.truncatedTo(unit).plus(1, unit);
    boolean sameDay = from.truncatedTo(ChronoUnit.DAYS).equals(to.truncatedTo(ChronoUnit.DAYS));
    return " from " + DATE.format(from) + time.format(from) + " to " + (sameDay ? "" : DATE.format(to))
        + time.format(to) + " UTC";
  }

  /** {@code offset} milliseconds after {@code start}, as far as an Instant of epoch milliseconds reaches. */
  private static Instant at(long start, double offset) {
    return Instant.ofEpochMilli((long) Math.min(Long.MAX_VALUE, start + offset));
  }

  private interface Occurrences {
    void at(long millis, long count);
  }

  private static void axes(StringBuilder svg, String from, String to, long highest) {
    int bottom = HEIGHT - BOTTOM;
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
        .append("\" y2=\"").append(bottom).append("\" stroke=\"#d0d7de\"/>\n")
        .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - 8)
        .append("\" y2=\"").append(bottom).append("\" stroke=\"#d0d7de\"/>\n")
        .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 10)
        .append("\" text-anchor=\"end\">").append(highest).append("</text>\n")
        .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(bottom)
        .append("\" text-anchor=\"end\">0</text>\n")
        .append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
        .append(from).append(" UTC</text>\n")
        .append("<text x=\"").append(WIDTH - 8).append("\" y=\"").append(HEIGHT - 8)
        .append("\" text-anchor=\"end\">").append(to).append(" UTC</text>\n");
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
