package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.Occurrence;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.internal.codec.RepeatRecords;
import dev.offlinedebug.spi.SkippedRecords;
import dev.offlinedebug.spi.StoreTimeline;
import dev.offlinedebug.spi.WireRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A store directory written by {@link DumpWriter}s, read-only. Loading by ID opens the file the ID
 * names and reads the record at the offset it names: no scan, however many dumps the store holds.
 * An occurrence's ID names two records, the occurrence's and its first dump's: two reads.
 *
 * @since 0.1
 */
public final class RollingDumpStore implements FileBackedStore {
  private static final Duration INIT_WAIT = Duration.ofSeconds(30);
  private final Path directory;
  /** Per store file, what it added to the last listing. */
  private volatile Map<Path, Listed> listed = Map.of();
  /** How far {@link #newDumps()} has read each store file. */
  private final FollowedFiles followed = new FollowedFiles(new RepeatLines(this::read, this::file, this::notFound));
  /** Told of the damaged records listings skip; by default nobody. */
  private volatile SkippedRecords skipped = (first, records) -> {};

  private RollingDumpStore(Path directory) {
    this.directory = directory;
  }

  /** The store in {@code directory}; reads nothing yet. */
  public static RollingDumpStore open(Path directory) {
    return new RollingDumpStore(directory);
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public Dump load(String id) throws IOException {
    OccurrenceId occurrence = OccurrenceId.parse(id);
    if (occurrence != null) {
      return OccurrenceLoad.load(occurrence, id, this::read, this::file, this::notFound);
    }
    DumpId parsed = DumpId.parse(id);
    if (parsed == null) {
      throw new NotAnIdException(id);
    }
    DecodedRecord record = read(parsed, id);
    if (record.dump() == null || !record.dump().id().equals(id)) {
      throw notFound(id);
    }
    return record.dump();
  }

  private DumpNotFoundException notFound(String id) {
    return new DumpNotFoundException(id, directory);
  }

  /** The record at {@code at}, for loading {@code id}. */
  private DecodedRecord read(DumpId at, String id) throws IOException {
    Path file = file(at);
    FileChannel channel;
    try {
      channel = DumpFileChannel.openForRead(file);
    } catch (NoSuchFileException e) {
      if (StoreLayout.isExpired(directory, at.file())) {
        throw new DumpExpiredException(id, directory);
      }
      throw new DumpNotFoundException(id, directory);
    }
    try (channel) {
      requireWire();
      try {
        return RecordFrame.read(channel, file, at.offset());
      } catch (DumpFormatException e) {
        if (RecordScanner.skipsOver(channel, file, at.offset())) {
          throw new DumpNotFoundException(id, directory);
        }
        throw e;
      }
    }
  }

  private Path file(DumpId at) {
    return directory.resolve(at.file() + StoreLayout.SUFFIX);
  }

  /**
   * Scans the store files created since the first dump's (occurrences and counters follow their
   * first dump, in its file or a later one) for the occurrences of {@code id}, decoding only the
   * records that start with its ID ({@link RepeatRecords}).
   */
  @Override
  public DumpOccurrences occurrences(String id) throws IOException {
    OccurrenceId occurrence = OccurrenceId.parse(id);
    DumpId first = occurrence != null ? occurrence.first() : DumpId.parse(id);
    if (first == null) {
      throw new NotAnIdException(id);
    }
    requireWire();
    String firstId = first.text();
    List<DumpOccurrences.Stored> stored = new ArrayList<>();
    long[] unlistedAndCounted = new long[2];
    RepeatRecords repeats = RepeatRecords.of(firstId);
    for (Path file : StoreLayout.storeFiles(directory)) {
      if (StoreLayout.fileKey(file).compareTo(first.file()) < 0) {
        continue;
      }
      String fileKey = StoreLayout.fileKey(file);
      RecordScanner.scan(file, repeats, (offset, record) -> {
        Occurrence o = record.occurrence();
        // Only an occurrence whose ID names where it lies is listed: every listed ID loads.
        if (o != null && o.firstId().equals(firstId)
            && o.id().equals(new OccurrenceId(first, new DumpId(fileKey, offset)).text())) {
          if (stored.size() < DumpOccurrences.MAX_LISTED) {
            stored.add(new DumpOccurrences.Stored(o.id(), o.time(), o.thread().name()));
          } else {
            unlistedAndCounted[0]++;
          }
        } else if (record.occurrences() != null && record.occurrences().id().equals(firstId)) {
          unlistedAndCounted[1] = SummaryFold.saturatedSum(unlistedAndCounted[1], record.occurrences().count());
        }
      });
    }
    stored.sort(Comparator.comparing(DumpOccurrences.Stored::time));
    return new DumpOccurrences(firstId, stored, unlistedAndCounted[0], unlistedAndCounted[1]);
  }

  /**
   * Every intact dump, oldest first, with the occurrences dedup folded onto it: each stored
   * occurrence record adds one, each counter record its count. Occurrences are not listed apart.
   * Each store file's records are read from its summary where it has one, decoded where not ({@link
   * StoreFileListing}). Listing again (as {@code serve} does for each page) reads only the store files
   * whose size or modification time, or whose summary's size, changed since.
   */
  @Override
  public List<DumpSummary> list() throws IOException {
    return listed().summaries();
  }

  @Override
  public List<StoreTimeline.Failure> timeline() throws IOException {
    return listed().timeline();
  }

  /** What every store file adds to a listing, the time of each stored repeat kept. */
  private SummaryFold listed() throws IOException {
    Map<Path, Listed> last = listed;
    Map<Path, Listed> now = new HashMap<>();
    SummaryFold fold = SummaryFold.keepingRepeatTimes();
    for (Path file : StoreLayout.storeFiles(directory)) {
      Listed seen = Listed.of(file);
      if (seen == null) {
        continue; // deleted by retention since it was listed
      }
      Listed before = last.get(file);
      Listed current = before != null && before.sameFileAs(seen) ? before : seen.read(file);
      now.put(file, current);
      current.fold().reportDamaged(skipped);
      fold.add(current.fold());
    }
    listed = now;
    return fold;
  }

  /** A store file as a listing last read it: its size and time, its summary's size, what it added. */
  private record Listed(long size, FileTime modified, long summarySize, SummaryFold fold) {
    /** The file's state now, not read yet; null when it is gone. */
    static Listed of(Path file) throws IOException {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path summary = file.resolveSibling(StoreLayout.summaryName(file.getFileName().toString()));
        long summarySize = Files.exists(summary, LinkOption.NOFOLLOW_LINKS) ? Files.size(summary) : -1;
        return new Listed(attributes.size(), attributes.lastModifiedTime(), summarySize, null);
      } catch (NoSuchFileException e) {
        return null;
      }
    }

    boolean sameFileAs(Listed now) {
      return size == now.size && modified.equals(now.modified) && summarySize == now.summarySize;
    }

    Listed read(Path file) throws IOException {
      return new Listed(size, modified, summarySize, StoreFileListing.fold(file, SummaryFold::keepingRepeatTimes));
    }
  }

  /**
   * {@inheritDoc} Store files are read the last created first; a file's last modification bounds
   * its records ({@link NewestFirst}).
   */
  @Override
  public Stream<DumpSummary> newestFirst(Instant since) throws IOException {
    List<NewestFirst.ListedFile> files = new ArrayList<>();
    for (Path file : StoreLayout.storeFiles(directory)) {
      try {
        Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        files.add(new NewestFirst.ListedFile(StoreLayout.fileKey(file), modified, () -> StoreFileListing.fold(file, () -> new SummaryFold(since))));
      } catch (NoSuchFileException e) {
        // Deleted by retention since it was listed.
      }
    }
    return NewestFirst.of(files, since, skipped);
  }

  @Override
  public void reportSkipped(SkippedRecords listener) {
    skipped = listener;
  }

  /**
   * The dumps and stored repeats written since the previous call, oldest first, each repeat with
   * its own ID; the first call only notes the store files and returns none. What {@code tail}
   * follows: only the files that grew are read, and what is kept is their sizes, however many dumps
   * the store holds ({@link FollowedFiles}). Not thread-safe.
   */
  @Override
  public List<DumpSummary> newDumps() throws IOException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Path file : StoreLayout.storeFiles(directory)) {
      try {
        sizes.put(file.getFileName().toString(),
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size());
      } catch (NoSuchFileException e) {
        // Deleted by retention since it was listed.
      }
    }
    return followed.newDumps(sizes, (name, keepRepeatsFrom) ->
        StoreFileListing.fold(directory.resolve(name), () -> SummaryFold.keepingRepeatsFrom(keepRepeatsFrom)));
  }

  /** {@inheritDoc} The directory is looked at again for its newest dumps, which costs no request. */
  @Override
  public Held follow() throws IOException {
    newDumps();
    return this::newestFirst;
  }

  static void requireWire() throws IOException {
    Throwable failure = WireRuntime.awaitReady(INIT_WAIT);
    if (failure != null) {
      throw new IOException("Chronicle Wire is unavailable: " + failure, failure);
    }
  }
}
