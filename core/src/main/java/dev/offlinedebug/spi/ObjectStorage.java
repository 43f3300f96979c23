package dev.offlinedebug.spi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The few object-storage operations a dump store needs, on the objects under one location (a
 * bucket and key prefix). Implemented outside core (the {@code offline-debug-s3} module), found
 * through {@link ObjectStorageProvider}, so core carries no storage client.
 *
 * <p>Object names are relative to the location, e.g. {@code "mhx2k3a1b-q7f3kz.odump"}. Messages
 * of the exceptions thrown never contain a credential.
 *
 * @since 0.1
 */
public interface ObjectStorage extends Closeable {

  /** The location, e.g. {@code s3://bucket/prefix}, for messages; never null, never a credential. */
  String location();

  /**
   * Up to {@code length} bytes of object {@code name} from {@code offset}: fewer at the object's
   * end, none from its end on. One ranged request.
   *
   * @throws java.nio.file.NoSuchFileException when the object does not exist
   */
  byte[] read(String name, long offset, int length) throws IOException;

  /**
   * Object {@code name} from its start, streaming (memory stays bounded whatever its size). The
   * caller closes the stream.
   *
   * @throws java.nio.file.NoSuchFileException when the object does not exist
   */
  InputStream open(String name) throws IOException;

  /**
   * Replaces object {@code name} with the first {@code length} bytes of {@code file}, streaming.
   * The object gets the bucket's default encryption: no encryption header is sent.
   */
  void upload(String name, Path file, long length) throws IOException;

  /** The size of object {@code name}, or {@code -1} when it does not exist. */
  long size(String name) throws IOException;

  /** Every object under the location, in name order; never null. */
  List<StoredObject> list() throws IOException;

  /**
   * One object of a listing.
   *
   * @param name relative to the location; never null
   * @param size in bytes
   * @param lastModified when it was last written; never null
   */
  record StoredObject(String name, long size, Instant lastModified) {}

  /** Releases the client; never throws. */
  @Override
  void close();
}
