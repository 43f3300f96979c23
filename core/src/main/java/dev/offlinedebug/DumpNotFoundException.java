package dev.offlinedebug;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * No dump with the requested ID exists in the store.
 *
 * @since 0.1
 */
public class DumpNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String id;

  public DumpNotFoundException(String id, Path directory) {
    this(id, "dump " + id + " not found in " + directory);
  }

  /**
   * No object of {@code location} (object storage, e.g. {@code s3://bucket/prefix}) holds dump
   * {@code id}: it was never uploaded, or the bucket's lifecycle rule removed it.
   */
  public DumpNotFoundException(String id, URI location) {
    this(id, "dump " + id + " not found in " + location
        + " (not uploaded there, or expired by the bucket's lifecycle rule)");
  }

  protected DumpNotFoundException(String id, String message) {
    super(message);
    this.id = id;
  }

  /** The requested ID; never null. */
  public String id() {
    return id;
  }
}
