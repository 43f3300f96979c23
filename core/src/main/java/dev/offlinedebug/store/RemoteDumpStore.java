package dev.offlinedebug.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.codec.DecodedRecord;
import dev.offlinedebug.codec.RecordFrame;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The copy of dump stores in object storage that {@link StoreUpload} ships: one object per store
 * file, named as the file. Loading by ID is one ranged read of the object the ID names (two for a
 * record larger than {@value #FIRST_READ} bytes), however many objects the location holds.
 *
 * @since 0.1
 */
public final class RemoteDumpStore implements DumpStore {
  /** Most dumps are a few kilobytes; {@code maxDumpBytes} defaults to 256 KB. */
  static final int FIRST_READ = 64 << 10;

  private final URI location;
  private final ObjectStorage storage;

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
      return OccurrenceLoad.load(occurrence, id, this::read, at -> objectPath(name(at)), this::notFound);
    }
    DumpId parsed = DumpId.parse(id);
    if (parsed == null) {
      throw notFound(String.valueOf(id));
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
   * Every intact dump, oldest first. Downloads each store-file object in turn to one temporary
   * file and scans it: memory stays bounded by the listing, the disk by the largest store file.
   */
  @Override
  public List<DumpSummary> list() throws IOException {
    RollingDumpStore.requireWire();
    SummaryFold fold = new SummaryFold();
    Path copy = Files.createTempFile("offline-debug-", StoreLayout.SUFFIX);
    try {
      for (ObjectStorage.StoredObject object : storage.list()) {
        if (!StoreLayout.isStoreFileName(object.name())) {
          continue;
        }
        try (InputStream in = storage.open(object.name())) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
          continue; // removed by the lifecycle rule after the listing
        }
        RecordScanner.scan(copy, fold);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
    return fold.summaries();
  }

  /** A path naming the object in messages ({@link DumpFormatException#file()}). */
  private Path objectPath(String name) {
    return Path.of(storage.location(), name);
  }

  /** Releases the storage client. */
  public void close() {
    storage.close();
  }
}
