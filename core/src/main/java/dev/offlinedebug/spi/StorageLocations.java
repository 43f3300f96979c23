package dev.offlinedebug.spi;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Resolves a store location URI such as {@code s3://bucket/prefix} to the {@link ObjectStorage} of
 * the module on the class path that serves its scheme.
 *
 * @since 0.1
 */
public final class StorageLocations {
  /** The module a user adds for {@code s3://} locations. */
  static final String S3_MODULE = "dev.offlinedebug:offline-debug-s3";

  private StorageLocations() {}

  /** Whether {@code location} names object storage ({@code scheme://...}), not a directory path. */
  public static boolean isObjectStorage(String location) {
    return location != null && location.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*");
  }

  /**
   * Opens {@code location} with the provider of its scheme.
   *
   * @throws IOException naming the module to add when no provider serves the scheme
   */
  public static ObjectStorage open(URI location) throws IOException {
    String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
    ClassLoader loader = StorageLocations.class.getClassLoader();
    for (ObjectStorageProvider provider : ServiceLoader.load(ObjectStorageProvider.class, loader)) {
      if (provider.scheme().equals(scheme)) {
        return provider.open(location);
      }
    }
    throw new IOException(location + " needs " + (scheme.equals("s3") ? S3_MODULE : "a module for " + scheme + "://")
        + " on the class path; it is not there");
  }
}
