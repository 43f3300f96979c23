package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.SkippedRecords;
import dev.offlinedebug.spi.StoreTimeline;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A store kept as rolling store files, whose IDs name a file and an offset: a directory ({@link
 * RollingDumpStore}) or its copy in object storage ({@link RemoteDumpStore}). What the integration
 * kit asks of such a store beyond {@link DumpStore}: {@code DumpFeed} follows it by its files' sizes,
 * {@code SkippedRecords} hears of the damaged records its listings skip, {@code StoreTimeline} gets
 * its repeats' times.
 */
public interface FileBackedStore extends DumpStore {
  /** From now on, tells {@code listener} of each store file whose damaged records a listing skipped. */
  void reportSkipped(SkippedRecords listener);

  /**
   * Starts following: notes the store files' sizes, as the first {@link #newDumps()} does.
   *
   * @return the dumps the store held then, as {@link #newestFirst} lists them but from the same look at
   *     the store (for a bucket, its one listing); never null
   */
  Held follow() throws IOException;

  /**
   * The dumps stored since the previous call (or {@link #follow()}), oldest first; the first call only
   * notes the store files and returns none. Not thread-safe.
   */
  List<DumpSummary> newDumps() throws IOException;

  /**
   * Every intact dump, oldest first, as {@link #list()} gives it, with the time of each repeat
   * stored against it: what {@code serve}'s stats chart draws ({@link StoreTimeline}). Read as
   * {@link #list()} reads, and listing again costs the same.
   */
  List<StoreTimeline.Failure> timeline() throws IOException;

  /** What a store held when {@link #follow()} looked. */
  @FunctionalInterface
  interface Held {
    /** As {@link DumpStore#newestFirst(Instant)}, of what the store held then. */
    Stream<DumpSummary> newestFirst(Instant since) throws IOException;
  }
}
