package dev.offlinedebug.spi;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.store.RemoteDumpStore;
import dev.offlinedebug.internal.store.RollingDumpStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  private DumpFeed(Poll poll) {
    this.poll = poll;
  }

  /** Follows {@code store} from now on: notes its store files' sizes (another store: its listing). */
  public static DumpFeed follow(DumpStore store) throws IOException {
    if (store instanceof RemoteDumpStore remote) {
      remote.newDumps();
      return new DumpFeed(remote::newDumps);
    }
    if (store instanceof RollingDumpStore directory) {
      directory.newDumps();
      return new DumpFeed(directory::newDumps);
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
    });
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
