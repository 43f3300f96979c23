package dev.offlinedebug;

import java.io.IOException;
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

  protected DumpNotFoundException(String id, String message) {
    super(message);
    this.id = id;
  }

  /** The requested ID; never null. */
  public String id() {
    return id;
  }
}
