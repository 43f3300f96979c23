package dev.offlinedebug.spi;

import java.io.IOException;
import java.net.URI;

/**
 * Service-provider interface of an object-storage module (such as {@code offline-debug-s3}), found
 * with {@link java.util.ServiceLoader} when a store location or an {@code upload} option names its
 * {@linkplain #scheme() scheme}.
 *
 * @since 0.1
 */
public interface ObjectStorageProvider {

  /** The URI scheme served, e.g. {@code "s3"}; never null. */
  String scheme();

  /**
   * Opens the objects under {@code location} ({@code scheme://bucket[/prefix]}). Credentials and
   * endpoint come from the environment, never from the URI. Starts no thread.
   *
   * @throws IllegalArgumentException when {@code location} is not of the expected shape
   * @throws IOException when the client cannot be configured (no region, for example)
   */
  ObjectStorage open(URI location) throws IOException;
}
