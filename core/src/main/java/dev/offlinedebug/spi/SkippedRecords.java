package dev.offlinedebug.spi;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.internal.store.FileBackedStore;

/**
 * Told of each store file whose damaged records a listing skipped: a listing goes on without them
 * (a damaged record never hides the others), and {@code list} and {@code stats} say so on stderr.
 */
@FunctionalInterface
public interface SkippedRecords {
  /**
   * A listing skipped {@code records} damaged records of one store file; {@code first}, the first of
   * them, names the file and its offset.
   */
  void skipped(DumpFormatException first, int records);

  /**
   * Tells {@code listener} of the damaged records that listings of {@code store} (a directory or a
   * bucket) skip from now on; a store of another kind tells nothing.
   */
  static void reportTo(DumpStore store, SkippedRecords listener) {
    if (store instanceof FileBackedStore files) {
      files.reportSkipped(listener);
    }
  }
}
