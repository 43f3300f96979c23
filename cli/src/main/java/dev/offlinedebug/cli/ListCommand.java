package dev.offlinedebug.cli;

import dev.offlinedebug.DumpSummary;
import java.io.IOException;
import java.io.PrintWriter;
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
      throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
    }
    List<DumpSummary> matching = store.list(filter.since).stream().filter(filter::test).toList();
    int from = limit == null ? 0 : Math.max(0, matching.size() - limit);
    SummaryLine lines = new SummaryLine(common.style());
    PrintWriter out = spec.commandLine().getOut();
    for (DumpSummary summary : matching.subList(from, matching.size())) {
      out.println(lines.format(summary));
    }
    out.flush();
    return ExitCode.OK;
  }
}
