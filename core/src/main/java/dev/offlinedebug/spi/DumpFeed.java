package dev.offlinedebug.spi;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.store.DumpId;
import dev.offlinedebug.internal.store.FileBackedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The dumps a store gains after it is followed, poll by poll: what the CLI's {@code tail} prints.
 * A directory or a bucket is followed by its store files' sizes (an ID names its file and offset),
 * so following a store of any size starts with one listing of its files, reads only the files that
 * grow, and keeps two numbers per file; another {@link DumpStore} by comparing its listings. A
 * directory or a bucket also gives each repeat of a failure that dedup stored against its first
 * dump, with the repeat's own ID, time, thread and message (loading it takes a read of its record,
 * and of its first dump unless that was among the last few read). A directory that does not exist
 * yet has no dumps until it does. Not thread-safe.
 *
 * <pre>{@code
 * DumpFeed feed = DumpFeed.follow(store);
 * while (running) {
 *   Thread.sleep(1000);
 *   feed.poll().forEach(logged -> System.out.println(logged.line().id()));
 * }
 * }</pre>
 */
public final class DumpFeed {
  private final Poll poll;
  private final FileBackedStore.Held held;

  private DumpFeed(Poll poll, FileBackedStore.Held held) {
    this.poll = poll;
    this.held = held;
  }

  /** Follows {@code store} from now on: notes its store files' sizes (another store: its listing). */
  public static DumpFeed follow(DumpStore store) throws IOException {
    if (store instanceof FileBackedStore files) {
      return new DumpFeed(files::newDumps, files.follow());
    }
    Set<String> seen = ids(listed(store));
    return new DumpFeed(() -> {
      List<DumpSummary> current = listed(store);
      List<DumpSummary> added = new ArrayList<>();
      for (DumpSummary summary : current) {
        if (seen.add(summary.id())) {
          added.add(summary);
        }
      }
      seen.retainAll(ids(current));
      return added;
    }, store::newestFirst);
  }

  /**
   * The dumps the store held when following began, as {@link DumpStore#newestFirst(Instant)} lists
   * them (the newest few that {@code tail -n} prints first); a bucket's come from the listing following
   * began with, so they cost no second listing. Those stored since may come again from {@link #poll()}.
   *
   * @return never null
   * @throws IOException when the store cannot be listed
   */
  public Stream<DumpSummary> newestFirst(Instant since) throws IOException {
    return held.newestFirst(since);
  }

  /**
   * The dumps and repeats stored since the previous poll (the first: since {@link #follow}), oldest
   * first; never null.
   */
  public List<Logged> poll() throws IOException {
    List<DumpSummary> lines = poll.next();
    List<Logged> logged = new ArrayList<>(lines.size());
    for (DumpSummary line : lines) {
      logged.add(new Logged(line, DumpId.firstDumpOf(line.id())));
    }
    return logged;
  }

  /**
   * A dump or a repeat as the store gained it.
   *
   * @param line its listing line: a dump's as written, without the repeats counted onto it since
   *     (each is given apart); a repeat's with its own ID, time, thread and message; never null
   * @param repeatOf for a repeat, the ID of the first dump it was stored against; else null
   */
  public record Logged(DumpSummary line, String repeatOf) {}

  private static List<DumpSummary> listed(DumpStore store) throws IOException {
    return Files.isDirectory(store.directory()) ? store.list() : List.of();
  }

  private static Set<String> ids(List<DumpSummary> summaries) {
    Set<String> ids = new HashSet<>();
    for (DumpSummary summary : summaries) {
      ids.add(summary.id());
    }
    return ids;
  }

  private interface Poll {
    List<DumpSummary> next() throws IOException;
  }
}
