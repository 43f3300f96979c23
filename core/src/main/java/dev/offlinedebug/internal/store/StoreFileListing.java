package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What one store file of a local store adds to a listing. The records its summary ({@link
 * StoreSummary}) covers are taken from the summary, once the store file's own checksums show them
 * intact (read in large blocks, nothing decoded); the records after them, whose entries the writer
 * still buffers or never wrote, are decoded. Without a usable summary (none, from an older writer or
 * a file restored after a deletion; damaged; or records damaged since they were summarised) every
 * record is decoded, as before summaries: the listing is the same either way, only cheaper.
 */
final class StoreFileListing {
  private StoreFileListing() {}

  /** What store file {@code file} adds to a listing, folded into a new fold of {@code newFold}. */
  static SummaryFold fold(Path file, Supplier<SummaryFold> newFold) throws IOException {
    SummaryFold fold = null;
    long from = 0;
    long size = 0;
    try (FileChannel channel = DumpFileChannel.openForRead(file)) {
      size = channel.size();
      StoreSummary.Prefix prefix = summary(file, size, newFold.get());
      if (prefix != null && RecordScanner.intactPrefix(channel, file, prefix.covered(), prefix.records())) {
        fold = prefix.fold();
        from = prefix.covered();
      }
    } catch (NoSuchFileException | DumpFormatException e) {
      // Deleted by retention since it was listed, or not a regular file: the scan says the same.
    }
    if (fold == null) {
      fold = newFold.get();
    }
    if (from < size) {
      // Only decoding needs Chronicle Wire: a listing served by summaries alone never starts it.
      RollingDumpStore.requireWire();
      RecordScanner.scan(file, from, null, fold);
    }
    return fold;
  }

  /**
   * What the summary of {@code file} says of its first {@code size} bytes, or null. Read entry by
   * entry: a local summary may be larger than a bucket's listing reads ({@link StoreSummary#MAX_BYTES}).
   */
  private static StoreSummary.Prefix summary(Path file, long size, SummaryFold fold) throws IOException {
    Path summary = file.resolveSibling(StoreLayout.summaryName(file.getFileName().toString()));
    try (FileChannel channel = DumpFileChannel.openForRead(summary)) {
      return StoreSummary.readPrefix(channel, StoreLayout.fileKey(file), size, fold);
    } catch (NoSuchFileException | DumpFormatException e) {
      return null;
    }
  }
}
