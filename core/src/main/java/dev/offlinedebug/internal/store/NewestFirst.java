package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.SkippedRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing read one store file at a time, the last created first, handing out dumps newest first
 * as soon as no file left to read can hold a newer one: taking the newest few reads the newest files
 * only, and memory holds the files read but not yet handed out, not the whole store.
 *
 * <p>Occurrences follow their first dump in its own file or a later one of the same writer, so
 * reading files in the order their writers created them, newest first, counts every occurrence of a
 * dump before its file is read. A file's creation time is in its name; files of one writer made in
 * the same millisecond are told apart by their last modification, the later file's being the later.
 * No record of a file is later than its last modification (a file's time, or an object's upload),
 * but for a file system clock coarser than the dumps', which {@link #MARGIN} covers: a dump is
 * handed out once it is later than every file left to read was last modified, plus the margin.
 *
 * <p>With {@code since}, a dump is listed when its failure was seen since then, itself or a repeat,
 * with what was logged since then counted. A file last written before {@code since} is read only when
 * it holds the first dump of a repeat seen since then (an occurrence ID names its first dump's file).
 */
final class NewestFirst implements Iterator<DumpSummary> {
  /** Covers the kernel's coarse file times and file systems that keep whole seconds or two. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  private final List<ListedFile> files;
  /** For each file, the latest modification of it and of the files after it. */
  private final Instant[] modifiedFrom;
  private final Instant since;
  private final SkippedRecords skipped;
  private final PriorityQueue<DumpSummary> read =
      new PriorityQueue<>(Comparator.comparing(DumpSummary::time).thenComparing(DumpSummary::id).reversed());
  /** Repeats counted in the files read, of dumps in files not read yet. */
  private final Map<String, SummaryFold.Repeats> repeats = new HashMap<>();
  /**
   * {@link #awaitedFiles()}, kept until a file read changes {@code repeats}: every file last written
   * before {@code since} asks, and repeats are many where dedup stored many.
   */
  private Set<String> awaited;
  /** How many files past the one being read are read ahead ({@link ReadAhead}); 0: none. */
  private final int readAhead;
  /** The files being read ahead, by their index. */
  private final Map<Integer, Future<SummaryFold>> ahead = new HashMap<>();
  private int next;

  private NewestFirst(List<ListedFile> files, Instant since, int readAhead, SkippedRecords skipped) {
    this.files = files.stream()
        .sorted(Comparator.comparing((ListedFile file) -> StoreLayout.keyTime(file.key()))
            .thenComparing(ListedFile::modified).thenComparing(ListedFile::key).reversed())
        .toList();
    modifiedFrom = new Instant[this.files.size()];
    for (int i = modifiedFrom.length - 1; i >= 0; i--) {
      Instant modified = this.files.get(i).modified();
      modifiedFrom[i] = i + 1 < modifiedFrom.length && modifiedFrom[i + 1].isAfter(modified) ? modifiedFrom[i + 1] : modified;
    }
    this.since = since;
    this.readAhead = readAhead;
    this.skipped = skipped;
  }

  /**
   * The dumps of {@code files} seen at or after {@code since} (null: all), newest first; an {@link
   * IOException} reading a file comes as an {@link UncheckedIOException}, the damaged records of a
   * file read go to {@code skipped}.
   */
  static Stream<DumpSummary> of(List<ListedFile> files, Instant since, SkippedRecords skipped) {
    return of(files, since, 0, skipped);
  }

  /**
   * As {@link #of(List, Instant, SkippedRecords)}, reading up to {@code readAhead} files past the one
   * needed at once ({@link ReadAhead}): for files each of which is a request to a server. Closing the
   * stream cancels what was not needed.
   */
  static Stream<DumpSummary> of(List<ListedFile> files, Instant since, int readAhead, SkippedRecords skipped) {
    NewestFirst newest = new NewestFirst(files, since, readAhead, skipped);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(newest, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(newest::cancelReadAhead);
  }

  @Override
  public boolean hasNext() {
    while (next < files.size() && (read.isEmpty() || !read.peek().time().isAfter(unreadBound()))) {
      if (since != null && modifiedFrom[next].plus(MARGIN).isBefore(since) && awaitedFiles().isEmpty()) {
        next = files.size(); // every file left was last written before since; no repeat since awaits its dump
        break;
      }
      int at = next++;
      if (skipped(files.get(at))) {
        continue; // last written before since, and no repeat since awaits a dump of it: nothing of it is listed
      }
      try {
        SummaryFold read = fold(at);
        read.reportDamaged(skipped);
        read.handNewestFirst(repeats, this::offer);
        awaited = null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return !read.isEmpty();
  }

  private boolean skipped(ListedFile file) {
    return since != null && file.modified().plus(MARGIN).isBefore(since) && !awaitedFiles().contains(file.key());
  }

  /** The keys of the files not read yet that hold the first dump of a repeat seen since {@code since}. */
  private Set<String> awaitedFiles() {
    if (awaited == null) {
      awaited = new HashSet<>();
      repeats.forEach((firstId, repeated) -> {
        DumpId first = DumpId.parse(firstId);
        if (first != null && repeated.seenSince(since)) {
          awaited.add(first.file());
        }
      });
    }
    return awaited;
  }

  /** What file {@code at} adds, read ahead or now; the next files are read ahead meanwhile. */
  private SummaryFold fold(int at) throws IOException {
    for (int i = at + 1; i <= at + readAhead && i < files.size(); i++) {
      if (!ahead.containsKey(i) && !skipped(files.get(i))) {
        ahead.put(i, ReadAhead.submit(files.get(i).fold()));
      }
    }
    Future<SummaryFold> read = ahead.remove(at);
    return read == null ? files.get(at).fold().read() : ReadAhead.result(read);
  }

  private void cancelReadAhead() {
    ahead.values().forEach(read -> read.cancel(true));
    ahead.clear();
  }

  /** No record of a file not read yet is later than this. */
  private Instant unreadBound() {
    return modifiedFrom[next].plus(MARGIN);
  }

  private void offer(DumpSummary dump) {
    if (since == null || !dump.lastSeen().isBefore(since)) {
      read.add(dump);
    }
  }

  @Override
  public DumpSummary next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return read.poll();
  }

  /**
   * A store file to list: its name's key ({@link StoreLayout#fileKey}), when it was last written,
   * and how to read what it adds.
   */
  record ListedFile(String key, Instant modified, Fold fold) {}

  /** Reads what one store file adds to a listing. */
  @FunctionalInterface
  interface Fold {
    SummaryFold read() throws IOException;
  }
}
