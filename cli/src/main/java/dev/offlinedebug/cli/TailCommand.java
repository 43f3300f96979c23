package dev.offlinedebug.cli;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug tail}: prints new dumps as they are written, across file rolls, until
 * interrupted. Polls the store's listing and remembers the IDs it has seen; IDs that retention
 * deleted are forgotten again, so memory stays bounded by the store's size.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Follow the store: print each new dump as one line (like list) until interrupted.")
final class TailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;
  @Mixin SummaryFilter filter;

  @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "How often to look for new dumps. Default: ${DEFAULT-VALUE}.")
  Duration poll;

  @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "0",
      description = "First print the newest N dumps already in the store. Default: ${DEFAULT-VALUE}.")
  int lines;

  @Option(names = "--max", paramLabel = "N", description = "Stop after printing N new dumps.")
  Integer max;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after DURATION (" + DurationConverter.FORMAT + ").")
  Duration timeout;

  private PrintWriter out;
  private SummaryLine format;
  private int printed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    out = spec.commandLine().getOut();
    format = new SummaryLine(common.style());
    DumpStore dumps = ChronicleStartup.quietly(store::openForFollowing);
    long start = System.nanoTime();
    List<DumpSummary> existing = listOrEmpty(dumps);
    List<DumpSummary> matching = existing.stream().filter(filter::test).toList();
    matching.subList(Math.max(0, matching.size() - lines), matching.size()).forEach(this::print);
    printed = 0;
    Set<String> seen = ids(existing);
    PrintWriter err = spec.commandLine().getErr();
    err.println("Following " + TerminalText.escape(dumps.location()) + " (Ctrl-C to stop)");
    err.flush();
    while (!done(start)) {
      Thread.sleep(Math.max(1, poll.toMillis()));
      List<DumpSummary> current = listOrEmpty(dumps);
      for (DumpSummary summary : current) {
        if (!done(start) && seen.add(summary.id()) && filter.test(summary)) {
          print(summary);
        }
      }
      seen.retainAll(ids(current));
    }
    return ExitCode.OK;
  }

  private boolean done(long start) {
    return (max != null && printed >= max)
        || (timeout != null && System.nanoTime() - start >= timeout.toNanos());
  }

  private void print(DumpSummary summary) {
    out.println(format.format(summary));
    out.flush();
    printed++;
  }

  /**
   * A store directory that does not exist yet is followed until it does. In object storage each
   * poll is one listing of the location plus a read of each summary that changed.
   */
  private List<DumpSummary> listOrEmpty(DumpStore dumps) throws IOException {
    if (!store.inObjectStorage() && !Files.isDirectory(dumps.directory())) {
      return List.of();
    }
    return ChronicleStartup.quietly(dumps::list);
  }

  private static Set<String> ids(List<DumpSummary> summaries) {
    Set<String> ids = new HashSet<>();
    for (DumpSummary summary : summaries) {
      ids.add(summary.id());
    }
    return ids;
  }
}
