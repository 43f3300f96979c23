package dev.offlinedebug.spi;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.internal.codec.OccurrenceBaseline;
import dev.offlinedebug.internal.codec.Occurrences;
import dev.offlinedebug.internal.codec.RecordBuffer;
import dev.offlinedebug.internal.store.Deduplicator;
import dev.offlinedebug.internal.store.DumpId;
import dev.offlinedebug.internal.store.Fingerprint;
import dev.offlinedebug.internal.store.RateLimit;
import dev.offlinedebug.internal.store.Retention;
import dev.offlinedebug.internal.store.StatusReports;
import dev.offlinedebug.internal.store.StoreAppender;
import dev.offlinedebug.internal.store.StoreLayout;
import dev.offlinedebug.internal.store.StoreUpload;
import dev.offlinedebug.internal.store.ThrowableIds;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Captures throwables and appends them to a rolling dump store: the one write path every
 * integration (appenders, converters, JUnit, {@code OfflineDebug.save}) goes through. Thread-safe;
 * nothing it does throws into the caller.
 *
 * <p>Each writer appends only to store files it created itself, so any number of writers, in any
 * number of processes, can share one directory. A failure seen again inside {@code dedupWindow}
 * (same {@linkplain Fingerprint fingerprint}) is not dumped again: it is stored as an occurrence of
 * the earlier dump, with an ID of its own that starts with that dump's ({@link OccurrenceId}),
 * holding only its logging event and the values that differ. Occurrences are limited to {@code
 * maxDumpsPerSecond} (counted apart from dumps, so a storm of one failure never crowds out the first
 * dump of another) and to {@code maxDumpBytes} per first dump and window; past that, a repeat gets
 * the earlier dump's ID and bumps its occurrence counter, persisted as small counter records.
 *
 * @since 0.1
 */
public final class DumpWriter implements Closeable {
  /** Capture needs an ID; the store assigns the real one when it places the record. */
  private static final String PENDING_ID = "od-pending";
  private static final Duration MIN_ROLL = Duration.ofSeconds(1);
  private static final Duration MAX_ROLL = Duration.ofHours(1);

  private final Path directory;
  private final int maxDumpsPerSecond;
  private final DumpCapture capture;
  private final StatusReports status;
  private final Retention retention;
  /** Null without {@code upload}, or when its target could not be opened (reported). */
  private final StoreUpload upload;
  private final StoreAppender appender;
  private final ThrowableIds ids;
  private final Deduplicator dedup;
  private final RateLimit rateLimit;
  private final AtomicLong nextCountFlush = new AtomicLong(System.nanoTime());
  private volatile boolean closed;

  private DumpWriter(WriterSettings settings, StatusListener listener) {
    this.directory = settings.directory();
    this.maxDumpsPerSecond = settings.maxDumpsPerSecond();
    this.capture = new DumpCapture(settings.limits(), settings.application());
    this.status = new StatusReports(listener);
    this.upload = settings.upload() == null ? null : StoreUpload.open(settings.upload(), directory, status);
    this.retention = new Retention(directory, settings.maxTotalSize(), settings.maxAge(), status,
        upload == null ? (name, size) -> false : upload::holds);
    // With upload, files become deletable when uploaded: the upload thread runs retention, not the
    // logging thread after each roll, and files roll smaller to keep re-sending the growing one cheap.
    this.appender = upload == null
        ? new StoreAppender(directory, settings.maxFileSize(), rollInterval(settings.maxAge()),
            name -> retention.apply(), status)
        : new StoreAppender(directory, Math.min(settings.maxFileSize(), StoreUpload.MAX_FILE_SIZE),
            rollInterval(settings.maxAge()), upload::created, status);
    this.dedup = settings.dedupWindow().isZero() || settings.dedupWindow().isNegative()
        ? null
        : new Deduplicator(settings.dedupWindow().toNanos(), settings.limits().maxDumpBytes(),
            settings.maxDumpsPerSecond());
    this.rateLimit = new RateLimit(settings.maxDumpsPerSecond());
    this.ids = new ThrowableIds(ThrowableIds.WAIT_NANOS, status);
    if (upload != null) {
      upload.start(retention::apply, appender::flushSummary);
    }
  }

  /**
   * Opens (creating when missing) the store directory of {@code settings}; problems found later
   * (full disk, dropped dumps, failed uploads) go to {@code status}. Writing is plain Java and loads
   * no library; the only thread started is the uploader's, when {@link WriterSettings#upload()} is
   * set.
   *
   * <p>A directory that cannot be created or is refused (see {@link TrustedDirectory}) does not fail
   * the open: it is reported once to {@code status}, and every write tries again, as for a full
   * disk, so dumps are written as soon as the directory can be used.
   *
   * @throws IOException not for problems with the directory; kept for compatibility
   */
  public static DumpWriter open(WriterSettings settings, StatusListener status) throws IOException {
    DumpWriter writer = new DumpWriter(settings, status);
    writer.openDirectory();
    return writer;
  }

  private void openDirectory() {
    try {
      StoreLayout.createDirectory(directory);
    } catch (IOException e) {
      reportUnwritable(e);
      return;
    }
    retention.apply();
  }

  private void reportUnwritable(IOException e) {
    status.problem("write", "cannot write dumps to " + directory + ", dropping them until it works again: "
        + reason(e), causeOf(e));
  }

  /**
   * The user's to fix (permissions, a missing or refused directory, a full disk or file): one line
   * in the system's words says it all. Anything else keeps its stack trace ({@link #causeOf}).
   */
  private String reason(IOException e) {
    return e instanceof FileSystemException system ? StoreLayout.reason(system, directory) : e.toString();
  }

  private static IOException causeOf(IOException e) {
    return e instanceof FileSystemException ? null : e;
  }

  /**
   * Files roll at least this often so that age retention, which deletes whole files, keeps close to
   * {@code maxAge}: an eighth of it, between a second and an hour.
   */
  public static Duration rollInterval(Duration maxAge) {
    Duration eighth = maxAge.dividedBy(8);
    return eighth.compareTo(MIN_ROLL) < 0 ? MIN_ROLL : eighth.compareTo(MAX_ROLL) > 0 ? MAX_ROLL : eighth;
  }

  /**
   * Captures {@code thrown} with the locals the agent recorded for it, and writes it, unless it was
   * written already (the same throwable object again: its ID is returned). The same failure inside the
   * dedup window is stored as an occurrence of the earlier dump, or only counted onto it (see above).
   *
   * <p>One throwable object gets one dump however many threads write it at once: the others wait for
   * its ID, up to a few seconds (then they get {@code null}, so that application code run by the
   * capture cannot deadlock with them). A thread that writes a throwable again from inside its own
   * capture of it gets {@code null} at once.
   *
   * @return the dump ID to render in the log line, or {@code null} when the dump was dropped (rate
   *     limit, unwritable disk, writer closed) or could not be waited for; never throws
   */
  public String write(Throwable thrown, LoggedEvent event) {
    return writeOnce(thrown, () -> event, null);
  }

  /**
   * As {@link #write(Throwable, LoggedEvent)}, and hands the dump just written, with its ID, to
   * {@code written}: for a report that shows each dump without reading the store back. Not called
   * when an earlier dump's ID is reused or nothing is written; what it throws is reported to the
   * status listener, and the ID is returned all the same.
   *
   * @param written receives the dump as it was encoded, or {@code null}
   */
  public String write(Throwable thrown, LoggedEvent event, Consumer<Dump> written) {
    return writeOnce(thrown, () -> event, written);
  }

  /**
   * As {@link #write(Throwable, LoggedEvent)}, building the event only when something is written:
   * for callers that mostly see throwables written already (an appender and its {@code %dumpId}
   * converters ask for every event).
   *
   * @param event called at most once, on the calling thread; what it throws is reported like a
   *     failed capture; never null
   * @since 0.2
   */
  public String dumpId(Throwable thrown, Supplier<LoggedEvent> event) {
    return writeOnce(thrown, event, null);
  }

  private String writeOnce(Throwable thrown, Supplier<LoggedEvent> event, Consumer<Dump> written) {
    if (thrown == null || closed) {
      return null;
    }
    // An interrupted caller (logging an InterruptedException after restoring the flag; Logback's
    // AsyncAppender worker, which stop() interrupts while it flushes) would make the store's
    // FileChannel close itself mid-write: hide the flag meanwhile.
    boolean interrupted = Thread.interrupted();
    try {
      return ids.idFor(thrown, () -> writeUninterrupted(thrown, event, written));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String writeUninterrupted(Throwable thrown, Supplier<LoggedEvent> event, Consumer<Dump> report) {
    try {
      long now = System.nanoTime();
      flushCounts(now, false);
      String fingerprint = dedup == null ? null : Fingerprint.of(thrown);
      Deduplicator.Repeat repeat = fingerprint == null ? null : dedup.repeat(fingerprint, now);
      if (repeat != null) {
        return repeat.store() ? writeOccurrence(repeat.first(), thrown, event.get()) : repeat.first().text;
      }
      if (!rateLimit.tryAcquire(now)) {
        status.problem("rate", "more than " + maxDumpsPerSecond
            + " dumps per second (maxDumpsPerSecond): dropping dumps", null);
        return null;
      }
      Dump dump = capture.capture(PENDING_ID, thrown, event.get());
      String id = writeDump(dump);
      if (fingerprint != null) {
        dedup.written(fingerprint, DumpId.parse(id), OccurrenceBaseline.of(dump), now);
      }
      report(report, dump, id);
      return id;
    } catch (IOException e) {
      reportUnwritable(e);
      return ThrowableIds.FAILED;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      status.problem("bug", "dump of " + thrown.getClass().getName() + " failed: " + e, e);
      return null;
    }
  }

  private String writeDump(Dump dump) throws IOException {
    RecordBuffer record = RecordBuffer.take();
    String id;
    try {
      record.encodeDump(dump);
      id = appender.appendDump(record, dump);
    } finally {
      record.release();
    }
    if (status.anyProblem()) {
      // Checked first: the message costs a string concatenation per dump otherwise.
      status.cleared("write", "writing dumps to " + directory + " works again");
      status.cleared("rate", "dumps are within maxDumpsPerSecond again");
    }
    return id;
  }

  /**
   * Stores a repeat of {@code first} as an occurrence record, within the bytes its repeats may still
   * take; counts it instead when they are spent or the disk fails. A repeat with another stack below
   * the fingerprint's frames is no occurrence of {@code first}: it gets a dump of its own, from the
   * same budget.
   *
   * @return the ID for the log line: the occurrence's, the new dump's, or, when counted, {@code first}'s
   */
  private String writeOccurrence(Deduplicator.Entry first, Throwable thrown, LoggedEvent event) {
    Dump occurrence = capture.capture(PENDING_ID, thrown, event);
    RecordBuffer record = RecordBuffer.take();
    try {
      boolean fits = record.encodeOccurrence(first.baseline, first.text, occurrence);
      if (!fits) {
        record.encodeDump(occurrence);
      }
      if (dedup.spend(first, record.length())) {
        return fits ? appender.appendOccurrence(record, first.id, occurrence.time()) : appender.appendDump(record, occurrence);
      }
    } catch (IOException e) {
      reportUnwritable(e);
    } finally {
      record.release();
    }
    dedup.count(first);
    return first.text;
  }

  private void report(Consumer<Dump> report, Dump dump, String id) {
    if (report == null) {
      return;
    }
    try {
      report.accept(new Dump(id, dump.time(), dump.host(), dump.pid(), dump.jvm(), dump.application(),
          dump.thread(), dump.logger(), dump.level(), dump.message(), dump.mdc(), dump.markers(),
          dump.attributes(), dump.localsCaptured(), dump.exception()));
    } catch (RuntimeException | LinkageError e) {
      status.problem("bug", "the report of dump " + id + " failed: " + e, e);
    }
  }

  private void flushCounts(long now, boolean all) {
    if (dedup == null) {
      return;
    }
    long due = nextCountFlush.get();
    if (!all && (now - due < 0 || !nextCountFlush.compareAndSet(due, now + Deduplicator.FLUSH_NANOS))) {
      return;
    }
    for (Occurrences counted : dedup.takeDue(now, all)) {
      try {
        appender.appendOccurrences(counted.id(), counted.count());
      } catch (IOException e) {
        dedup.putBack(counted);
        status.problem("write", "cannot write occurrence counts to " + directory + ": " + reason(e), causeOf(e));
      }
    }
  }

  /**
   * Persists pending occurrence counts, releases the store files, then uploads what is not
   * uploaded yet (bounded, see {@link StoreUpload#close()}). Later writes return null.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      flushCounts(System.nanoTime(), true);
    } catch (RuntimeException e) {
      status.problem("bug", "flushing occurrence counts failed: " + e, e);
    }
    closed = true;
    appender.close();
    if (upload != null) {
      upload.close();
    }
  }
}
