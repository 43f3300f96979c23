package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import java.time.Instant;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options that select dumps by time, type, logger or text. */
final class SummaryFilter {
  @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
      description = "Only failures seen at or after TIME, first or repeated, counting the repeats since then:"
          + " ISO-8601 (2026-11-26T05:00:00Z) or ago (30m, 2h, 7d).")
  Instant since;

  @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
      description = "Only failures first seen before TIME, in the same formats.")
  Instant until;

  @Option(names = "--type", paramLabel = "CLASS",
      description = "Only exceptions whose class name contains CLASS, e.g. IllegalState.")
  String type;

  @Option(names = "--logger", paramLabel = "NAME",
      description = "Only dumps from logger NAME or its descendants, e.g. com.acme.")
  String logger;

  @Option(names = "--grep", paramLabel = "REGEX",
      description = "Only dumps whose type, message, logger or thread matches REGEX.")
  Pattern grep;

  /** Whether {@code summary}'s failure was seen in the range, first or repeated, and matches the rest. */
  boolean test(DumpSummary summary) {
    return (since == null || !summary.lastSeen().isBefore(since))
        && (until == null || summary.time().isBefore(until))
        && (type == null || summary.type().contains(type))
        && (logger == null || inLogger(summary.logger()))
        && (grep == null || grep.matcher(searchText(summary)).find());
  }

  private boolean inLogger(String name) {
    return name != null && (name.equals(logger) || name.startsWith(logger.endsWith(".") ? logger : logger + "."));
  }

  private static String searchText(DumpSummary summary) {
    return summary.type() + ": " + summary.message() + "\n" + summary.logger() + "\n" + summary.thread();
  }
}
