package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code offline-debug list}: one line per dump, newest last. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the dumps in the store, one line each, newest last.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;
  @Mixin SummaryFilter filter;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Show only the newest N matching dumps.")
  Integer limit;

  @Override
  public Integer call() throws IOException {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "-n/--limit must be 0 or more, not " + limit);
    }
    List<DumpSummary> shown;
    if (limit == null && filter.since == null) {
      shown = store.list().stream().filter(filter::test).toList();
    } else {
      // The newest N, or those seen since: read from the newest store file back, only as far as they
      // take; counting, as stats does, what was logged since.
      long taken = limit == null ? Long.MAX_VALUE : limit;
      shown = new ArrayList<>(store.newestFirst(filter.since, newest -> newest.filter(filter::test).limit(taken).toList()));
      Collections.reverse(shown);
    }
    SummaryLine lines = new SummaryLine(common.style());
    PrintWriter out = spec.commandLine().getOut();
    for (DumpSummary summary : shown) {
      out.println(lines.format(summary));
    }
    out.flush();
    return ExitCode.OK;
  }
}
