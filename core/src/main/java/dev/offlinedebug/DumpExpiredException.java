package dev.offlinedebug;

import java.nio.file.Path;

/**
 * The requested dump existed but retention ({@code maxAge}, {@code maxTotalSize}) has deleted it.
 *
 * @since 0.1
 */
public class DumpExpiredException extends DumpNotFoundException {
  private static final long serialVersionUID = 1L;

  public DumpExpiredException(String id, Path directory) {
    super(id, "dump " + id + " has expired: retention deleted it from " + directory);
  }
}
