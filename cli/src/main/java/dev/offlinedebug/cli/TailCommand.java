package dev.offlinedebug.cli;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.DumpFeed;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * interrupted: the newest {@code --lines} first, read from the newest store files (as {@code list}
 * prints them), then what {@link DumpFeed} finds at each poll: each first dump, and each repeat that
 * dedup stored against one, as a line of its own with its own ID.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Follow the store: print each new dump, and each repeat of one with its own ID, as one line"
        + " (like list) until interrupted.")
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

  @Option(names = "--max", paramLabel = "N", description = "Stop after printing N new lines (dumps and repeats).")
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
    DumpFeed feed = ChronicleStartup.quietly(() -> DumpFeed.follow(dumps));
    // Printed before following began, perhaps again among the first poll's dumps.
    Set<String> shown = new HashSet<>();
    for (DumpSummary summary : newest(dumps, feed)) {
      print(summary, null);
      shown.add(summary.id());
    }
    printed = 0;
    PrintWriter err = spec.commandLine().getErr();
    // Waiting for a store created later is deliberate; said, so that a mistyped --dir does not wait unnoticed.
    String missing = !store.inObjectStorage() && !Files.isDirectory(dumps.directory())
        ? " (does not exist yet; waiting for it)" : "";
    err.println("Following " + TerminalText.escape(dumps.location()) + missing + " (Ctrl-C to stop)");
    err.flush();
    while (!done(start)) {
      Thread.sleep(Math.max(1, poll.toMillis()));
      for (DumpFeed.Logged logged : ChronicleStartup.quietly(feed::poll)) {
        if (!done(start) && !shown.contains(logged.line().id()) && filter.test(logged.line())) {
          print(logged.line(), logged.repeatOf());
        }
      }
    }
    return ExitCode.OK;
  }

  private boolean done(long start) {
    return (max != null && printed >= max)
        || (timeout != null && System.nanoTime() - start >= timeout.toNanos());
  }

  private void print(DumpSummary summary, String repeatOf) {
    out.println(format.format(summary, repeatOf));
    out.flush();
    printed++;
  }

  /**
   * The newest {@code --lines} matching dumps, oldest first: the store's newest files only, as
   * {@code feed} began following it (a directory that does not exist yet has none).
   */
  private List<DumpSummary> newest(DumpStore dumps, DumpFeed feed) throws IOException {
    if (lines <= 0 || !store.inObjectStorage() && !Files.isDirectory(dumps.directory())) {
      return List.of();
    }
    List<DumpSummary> newest = new ArrayList<>(StoreOptions.newestFirst(feed, filter.since,
        stream -> stream.filter(filter::test).limit(lines).toList()));
    Collections.reverse(newest);
    return newest;
  }
}
