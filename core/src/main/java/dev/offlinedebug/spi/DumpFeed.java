package dev.offlinedebug.spi;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
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
 * directory that does not exist yet has no dumps until it does. Not thread-safe.
 *
 * <pre>{@code
 * DumpFeed feed = DumpFeed.follow(store);
 * while (running) {
 *   Thread.sleep(1000);
 *   feed.poll().forEach(summary -> System.out.println(summary.id()));
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

  /** The dumps stored since the previous poll (the first: since {@link #follow}), oldest first. */
  public List<DumpSummary> poll() throws IOException {
    return poll.next();
  }

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
