package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.spi.ObjectStorage;
import dev.offlinedebug.spi.SkippedRecords;
import dev.offlinedebug.spi.StorageLocations;
import dev.offlinedebug.spi.StoreTimeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The copy of dump stores in object storage that {@link StoreUpload} ships: one object per store
 * file, named as the file, and its summary. Loading by ID is one ranged read of the object the ID
 * names (two for a record larger than {@value #FIRST_READ} bytes), however many objects the location
 * holds; listing is one listing of the location and one small read per store file.
 *
 * @since 0.1
 */
public final class RemoteDumpStore implements FileBackedStore {
  /** Most dumps are a few kilobytes; {@code maxDumpBytes} defaults to 256 KB. */
  static final int FIRST_READ = 64 << 10;

  private final URI location;
  private final ObjectStorage storage;
  /** Per store-file object, what it added to the last listing. */
  private volatile Map<String, Folded> folded = Map.of();
  /** How far {@link #newDumps()} has read each store-file object. */
  private final FollowedFiles followed = new FollowedFiles(new RepeatLines(this::read, this::objectPath, this::notFound));
  /** Told of the damaged records listings skip; by default nobody. */
  private volatile SkippedRecords skipped = (first, records) -> {};

  private RemoteDumpStore(URI location, ObjectStorage storage) {
    this.location = location;
    this.storage = storage;
  }

  /**
   * The store at {@code location}, e.g. {@code s3://bucket/prefix}; reads nothing yet.
   *
   * @throws IOException when no module on the class path serves the location's scheme, or its
   *     client cannot be configured
   */
  public static RemoteDumpStore open(URI location) throws IOException {
    return new RemoteDumpStore(location, StorageLocations.open(location));
  }

  /** @throws UnsupportedOperationException always: object storage has no directory */
  @Override
  public Path directory() {
    throw new UnsupportedOperationException(location + " is object storage, not a directory");
  }

  @Override
  public String location() {
    return storage.location();
  }

  /**
   * {@inheritDoc} An occurrence's ID is two ranged reads: its record, then its first dump's.
   */
  @Override
  public Dump load(String id) throws IOException {
    OccurrenceId occurrence = OccurrenceId.parse(id);
    if (occurrence != null) {
      return OccurrenceLoad.load(occurrence, id, this::read, this::objectPath, this::notFound);
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

  /** The record at {@code at}, for loading {@code id}. */
  private DecodedRecord read(DumpId at, String id) throws IOException {
    String name = name(at);
    byte[] bytes;
    try {
      bytes = recordBytes(name, at.offset());
    } catch (NoSuchFileException e) {
      throw notFound(id);
    }
    if (bytes.length == 0) {
      throw notFound(id);
    }
    RollingDumpStore.requireWire();
    return RecordFrame.read(bytes, objectPath(name), at.offset());
  }

  private static String name(DumpId at) {
    return at.file() + StoreLayout.SUFFIX;
  }

  /** A path naming the object {@code at} lies in, in messages. */
  private Path objectPath(DumpId at) {
    return objectPath(name(at));
  }

  private DumpNotFoundException notFound(String id) {
    return new DumpNotFoundException(id, location);
  }

  /** The bytes of the record at {@code offset}: its header, then as much of it as the object holds. */
  private byte[] recordBytes(String name, long offset) throws IOException {
    byte[] first = storage.read(name, offset, FIRST_READ);
    int header = RecordFrame.header(first);
    long wanted = RecordFrame.HEADER_SIZE + (long) RecordFrame.length(header);
    if (first.length < FIRST_READ || header == 0 || !RecordFrame.isComplete(header)
        || RecordFrame.length(header) > RecordFrame.MAX_PAYLOAD || wanted <= first.length) {
      return first;
    }
    byte[] rest = storage.read(name, offset + first.length, (int) (wanted - first.length));
    byte[] all = new byte[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  /**
   * Every intact dump, oldest first: one listing of the location, then per store file its summary
   * ({@link StoreSummary}, one small read). A store file without a usable summary (none, damaged,
   * larger than {@value StoreSummary#MAX_BYTES} bytes, or describing fewer bytes than the object
   * holds) is downloaded and scanned. Listing again (as {@code serve} does for each page) reads only the store files
   * whose object or summary changed since.
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
    List<ObjectStorage.StoredObject> objects = storage.list();
    Map<String, ObjectStorage.StoredObject> summaries = summaries(objects);
    Map<String, Folded> last = folded;
    Map<String, Folded> now = new HashMap<>();
    SummaryFold all = SummaryFold.keepingRepeatTimes();
    for (ObjectStorage.StoredObject object : objects) {
      if (!StoreLayout.isStoreFileName(object.name())) {
        continue;
      }
      ObjectStorage.StoredObject summary = summaries.get(StoreLayout.summaryName(object.name()));
      Folded file = last.get(object.name());
      if (file == null || !file.storeFile().equals(object) || !Objects.equals(file.summary(), summary)) {
        file = new Folded(object, summary, fold(object, summary, SummaryFold::keepingRepeatTimes));
      }
      now.put(object.name(), file);
      file.fold().reportDamaged(skipped);
      all.add(file.fold());
    }
    folded = now;
    return all;
  }

  /**
   * {@inheritDoc} One listing of the location, then the summaries of the objects created last first,
   * as far as the stream is consumed: an object's upload time bounds its records ({@link
   * NewestFirst}); the uploader ships files in no particular order, so it does not order them.
   * Summaries are read {@value ReadAhead#THREADS} at a time ahead of the one needed ({@link ReadAhead}).
   */
  @Override
  public Stream<DumpSummary> newestFirst(Instant since) throws IOException {
    return newestFirst(listing(), since);
  }

  private Stream<DumpSummary> newestFirst(Listing listing, Instant since) {
    List<NewestFirst.ListedFile> files = new ArrayList<>();
    for (ObjectStorage.StoredObject object : listing.objects()) {
      if (StoreLayout.isStoreFileName(object.name())) {
        ObjectStorage.StoredObject summary = listing.summaries().get(StoreLayout.summaryName(object.name()));
        // A server that gives no upload time: nothing stored is later than now.
        Instant uploaded = object.lastModified() == null ? Instant.now() : object.lastModified();
        files.add(new NewestFirst.ListedFile(StoreLayout.fileKey(Path.of(object.name())), uploaded,
            () -> fold(object, summary, () -> new SummaryFold(since))));
      }
    }
    return NewestFirst.of(files, since, ReadAhead.THREADS, skipped);
  }

  @Override
  public void reportSkipped(SkippedRecords listener) {
    skipped = listener;
  }

  /**
   * The dumps and stored repeats uploaded since the previous call, oldest first, each repeat with
   * its own ID; the first call only notes the objects the location holds and returns none. What
   * {@code tail} follows: an ID names its object and offset, so the new dumps are those of new
   * objects and those past the end of what an object held before; only objects that grew are read
   * (their summaries), however many the location holds, and a repeat is one ranged read of its
   * record (its first dump's too, unless among the last few read: {@link RepeatLines}). Not
   * thread-safe.
   */
  @Override
  public List<DumpSummary> newDumps() throws IOException {
    return newDumps(listing());
  }

  /** {@inheritDoc} The newest dumps are read from the same listing of the location. */
  @Override
  public Held follow() throws IOException {
    Listing listing = listing();
    newDumps(listing);
    return since -> newestFirst(listing, since);
  }

  private List<DumpSummary> newDumps(Listing listing) throws IOException {
    Map<String, ObjectStorage.StoredObject> summaries = listing.summaries();
    Map<String, ObjectStorage.StoredObject> storeFiles = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (ObjectStorage.StoredObject object : listing.objects()) {
      if (StoreLayout.isStoreFileName(object.name())) {
        storeFiles.put(object.name(), object);
        sizes.put(object.name(), object.size());
      }
    }
    return followed.newDumps(sizes, (name, keepRepeatsFrom) -> fold(storeFiles.get(name),
        summaries.get(StoreLayout.summaryName(name)), () -> SummaryFold.keepingRepeatsFrom(keepRepeatsFrom)));
  }

  /** One listing of the location: its objects, and the summaries among them by name. */
  private Listing listing() throws IOException {
    List<ObjectStorage.StoredObject> objects = storage.list();
    return new Listing(objects, summaries(objects));
  }

  private record Listing(List<ObjectStorage.StoredObject> objects, Map<String, ObjectStorage.StoredObject> summaries) {}

  private static Map<String, ObjectStorage.StoredObject> summaries(List<ObjectStorage.StoredObject> objects) {
    Map<String, ObjectStorage.StoredObject> summaries = new HashMap<>();
    for (ObjectStorage.StoredObject object : objects) {
      if (StoreLayout.isSummaryName(object.name())) {
        summaries.put(object.name(), object);
      }
    }
    return summaries;
  }

  /**
   * What store file {@code object} adds to a listing, folded into a new fold of {@code newFold}:
   * from its summary, else downloaded and scanned.
   */
  private SummaryFold fold(ObjectStorage.StoredObject object, ObjectStorage.StoredObject summary,
      Supplier<SummaryFold> newFold) throws IOException {
    SummaryFold fold = summarised(object, summary, newFold);
    return fold != null ? fold : scanned(object, newFold);
  }

  /** What store file {@code object} adds to a listing, read from its summary; null when it must be scanned. */
  private SummaryFold summarised(ObjectStorage.StoredObject object, ObjectStorage.StoredObject summary,
      Supplier<SummaryFold> newFold) throws IOException {
    if (summary == null || summary.size() > StoreSummary.MAX_BYTES) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = storage.read(summary.name(), 0, (int) summary.size());
    } catch (NoSuchFileException e) {
      return null;
    }
    return StoreSummary.read(bytes, StoreLayout.fileKey(Path.of(object.name())), object.size(), newFold.get());
  }

  /**
   * What store file {@code object} adds to a listing, downloaded to a temporary file and scanned:
   * memory stays bounded by the listing, the disk by the largest store file.
   */
  private SummaryFold scanned(ObjectStorage.StoredObject object, Supplier<SummaryFold> newFold) throws IOException {
    RollingDumpStore.requireWire();
    Path copy = Files.createTempFile("offline-debug-", StoreLayout.SUFFIX);
    try {
      SummaryFold fold = newFold.get();
      try (InputStream in = storage.open(object.name())) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException e) {
        return fold; // removed by the lifecycle rule after the listing
      }
      RecordScanner.scan(copy, objectPath(object.name()), fold);
      return fold;
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** A path naming the object in messages ({@link DumpFormatException#file()}). */
  private Path objectPath(String name) {
    return Path.of(storage.location(), name);
  }

  /** What store file {@code storeFile}, with {@code summary} (null: none), added to a listing. */
  private record Folded(ObjectStorage.StoredObject storeFile, ObjectStorage.StoredObject summary, SummaryFold fold) {}

  /** Releases the storage client. */
  public void close() {
    storage.close();
  }
}
