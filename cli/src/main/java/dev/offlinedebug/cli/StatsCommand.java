package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code offline-debug stats}: the most frequent failures, grouped by fingerprint. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Top exceptions by fingerprint (exception types plus top frames), most frequent first.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;
  @Mixin SummaryFilter filter;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
      description = "Show the top N fingerprints. Default: ${DEFAULT-VALUE}.")
  int limit;

  /** One fingerprint's tally; {@code latest} is its dump seen last, repeats included. */
  static final class Tally {
    long occurrences;
    int dumps;
    DumpSummary latest;

    void add(DumpSummary summary) {
      occurrences += summary.occurrences();
      dumps++;
      if (latest == null || !summary.lastSeen().isBefore(latest.lastSeen())) {
        latest = summary;
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Tally> byFingerprint = new LinkedHashMap<>();
    // Streamed: memory holds a tally per failure, not a line per dump; --since stops at the files written before it.
    store.newestFirst(filter.since, newest -> {
      newest.filter(filter::test)
          .forEach(summary -> byFingerprint.computeIfAbsent(summary.fingerprint(), f -> new Tally()).add(summary));
      return null;
    });
    List<Tally> top = new ArrayList<>(byFingerprint.values());
    top.sort(Comparator.comparingLong((Tally t) -> t.occurrences).reversed()
        .thenComparing(t -> t.latest.lastSeen(), Comparator.reverseOrder()));
    print(top.subList(0, Math.min(Math.max(limit, 0), top.size())));
    return ExitCode.OK;
  }

  private void print(List<Tally> top) {
    Style style = common.style();
    PrintWriter out = spec.commandLine().getOut();
    out.println(style.dim(String.format("%7s %6s  %-24s  %s", "COUNT", "DUMPS", "LAST SEEN", "LATEST ID / FIRST DUMP'S EXCEPTION")));
    for (Tally tally : top) {
      DumpSummary latest = tally.latest;
      String exception = TerminalText.escape(latest.type())
          + (latest.message() == null ? "" : ": " + TerminalText.escape(SummaryLine.messageStart(latest.message())));
      out.println(String.format("%7d %6d  %-24s  ", tally.occurrences, tally.dumps, SummaryLine.TIME.format(latest.lastSeen()))
          + style.bold(TerminalText.escape(latest.latestId())) + "  " + style.red(exception));
    }
    out.flush();
  }
}
