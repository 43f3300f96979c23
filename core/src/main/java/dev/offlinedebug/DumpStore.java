package dev.offlinedebug;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of rolling dump files, as written by the appenders, or their copies in object
 * storage. Obtain one with {@link OfflineDebug#open(Path)} or {@link OfflineDebug#open(java.net.URI)}.
 *
 * @since 0.1
 */
public interface DumpStore {

  /**
   * The store's directory; never null.
   *
   * @throws UnsupportedOperationException for a store in object storage, which has no directory;
   *     see {@link #location()}
   */
  Path directory();

  /** Where the store is, for messages: its directory, or a URI such as {@code s3://bucket/prefix}; never null. */
  default String location() {
    return directory().toString();
  }

  /**
   * Loads one dump by the ID from a log line, without scanning the store. The ID of an occurrence (a
   * repeat dedup stored against a first dump) loads as that occurrence's full dump: the first dump
   * with the occurrence's own event and values.
   *
   * @throws DumpExpiredException when retention has deleted the dump
   * @throws DumpNotFoundException when no dump has this ID
   * @throws DumpFormatException when the record is damaged
   * @throws IOException when the store cannot be read
   */
  Dump load(String id) throws IOException;

  /**
   * The repeats of the failure dumped as {@code id} (or, for an occurrence's ID, as the first dump it
   * belongs to) that dedup stored or counted. Reads the store files written since that dump. This
   * default knows of none.
   *
   * @return never null
   * @throws IOException when the store cannot be read
   * @since 0.2
   */
  default DumpOccurrences occurrences(String id) throws IOException {
    return DumpOccurrences.none(id);
  }

  /**
   * Summaries of every readable dump, oldest first. Damaged records are skipped.
   *
   * @return never null
   */
  List<DumpSummary> list() throws IOException;

  /**
   * Summaries of the readable dumps whose failure was seen at or after {@code since} ({@code null}:
   * all), the dump itself or a repeat ({@link DumpSummary#lastSeen()}), newest first by the dump's
   * time, each with its occurrences as {@link #list()} counts them; a directory or a bucket counts
   * only those logged since {@code since} (a repeat only counted, with no time of its own, counts
   * when the failure was last seen since then). Read lazily: a directory or a bucket
   * reads its store files last written first, and only as far as the stream is consumed, so the
   * newest few dumps of a store of any size take a read of its newest files, and memory holds about
   * a store file's summaries, not the whole store's. A problem reading a file comes as an {@link
   * java.io.UncheckedIOException} from the stream's terminal operation.
   *
   * <pre>{@code
   * List<DumpSummary> newest = store.newestFirst(null).limit(10).toList();
   * }</pre>
   *
   * @return never null
   * @throws IOException when the store cannot be listed
   * @since 0.2
   */
  default Stream<DumpSummary> newestFirst(Instant since) throws IOException {
    List<DumpSummary> all = new ArrayList<>(list());
    Collections.reverse(all);
    return all.stream().filter(summary -> since == null || !summary.lastSeen().isBefore(since));
  }
}
