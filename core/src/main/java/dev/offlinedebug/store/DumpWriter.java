package dev.offlinedebug.store;

import dev.offlinedebug.capture.DumpCapture;
import dev.offlinedebug.capture.LoggedEvent;
import dev.offlinedebug.codec.Occurrences;
import dev.offlinedebug.codec.RecordBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures throwables and appends them to a rolling dump store: the one write path every
 * integration (appenders, converters, JUnit, {@code OfflineDebug.save}) goes through. Thread-safe;
 * nothing it does throws into the caller.
 *
 * <p>Each writer appends only to store files it created itself, so any number of writers, in any
 * number of processes, can share one directory. A failure seen again inside {@code dedupWindow}
 * (same {@linkplain Fingerprint fingerprint}) is not dumped again: it gets the earlier dump's ID and
 * bumps that dump's occurrence counter, which is persisted as small counter records.
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
  private final ThrowableMemory written = new ThrowableMemory();
  private final Deduplicator dedup;
  private final RateLimit rateLimit;
  private final AtomicLong nextCountFlush = new AtomicLong(System.nanoTime());
  private volatile boolean closed;

  private DumpWriter(WriterSettings settings, StatusListener listener) {
    this.directory = settings.directory();
    this.maxDumpsPerSecond = settings.maxDumpsPerSecond();
    this.capture = new DumpCapture(settings.limits(), settings.application());
    this.status = new StatusReports(listener == null ? StatusListener.IGNORE : listener);
    this.upload = settings.upload() == null ? null : StoreUpload.start(settings.upload(), directory, status);
    this.retention = new Retention(directory, settings.maxTotalSize(), settings.maxAge(), status,
        upload == null ? (name, size) -> false : upload::holds);
    this.appender = new StoreAppender(directory, settings.maxFileSize(), rollInterval(settings.maxAge()), retention, status);
    this.dedup = settings.dedupWindow().isZero() || settings.dedupWindow().isNegative()
        ? null
        : new Deduplicator(settings.dedupWindow().toNanos());
    this.rateLimit = new RateLimit(settings.maxDumpsPerSecond());
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
    status.problem("write", "cannot write dumps to " + directory + ", dropping them until it works again: " + e, e);
  }

  /**
   * Files roll at least this often so that age retention, which deletes whole files, keeps close to
   * {@code maxAge}: an eighth of it, between a second and an hour.
   */
  static Duration rollInterval(Duration maxAge) {
    Duration eighth = maxAge.dividedBy(8);
    return eighth.compareTo(MIN_ROLL) < 0 ? MIN_ROLL : eighth.compareTo(MAX_ROLL) > 0 ? MAX_ROLL : eighth;
  }

  /**
   * Captures {@code thrown} with the locals the agent recorded for it, and writes it, unless it was
   * written already (the same throwable object again, or the same failure inside the dedup window),
   * in which case the earlier dump's ID is returned and its occurrence counter bumped.
   *
   * @return the dump ID to render in the log line, or {@code null} when the dump was dropped (rate
   *     limit, unwritable disk, writer closed); never throws
   */
  public String write(Throwable thrown, LoggedEvent event) {
    if (thrown == null || closed) {
      return null;
    }
    // An interrupted caller (logging an InterruptedException after restoring the flag; Logback's
    // AsyncAppender worker, which stop() interrupts while it flushes) would make the store's
    // FileChannel close itself mid-write: hide the flag meanwhile.
    boolean interrupted = Thread.interrupted();
    try {
      return writeUninterrupted(thrown, event);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String writeUninterrupted(Throwable thrown, LoggedEvent event) {
    try {
      String id = written.idOf(thrown);
      if (id != null) {
        return id;
      }
      long now = System.nanoTime();
      flushCounts(now, false);
      String fingerprint = dedup == null ? null : Fingerprint.of(thrown);
      if (fingerprint != null && (id = dedup.repeat(fingerprint, now)) != null) {
        written.remember(thrown, id);
        return id;
      }
      if (!rateLimit.tryAcquire(now)) {
        status.problem("rate", "more than " + maxDumpsPerSecond
            + " dumps per second (maxDumpsPerSecond): dropping dumps", null);
        return null;
      }
      RecordBuffer record = RecordBuffer.take();
      try {
        record.encodeDump(capture.capture(PENDING_ID, thrown, event));
        id = appender.appendDump(record);
      } finally {
        record.release();
      }
      status.cleared("write", "writing dumps to " + directory + " works again");
      status.cleared("rate", "dumps are within maxDumpsPerSecond again");
      if (fingerprint != null) {
        dedup.written(fingerprint, id, now);
      }
      written.remember(thrown, id);
      return id;
    } catch (IOException e) {
      reportUnwritable(e);
      return null;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      status.problem("bug", "dump of " + thrown.getClass().getName() + " failed: " + e, e);
      return null;
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
        status.problem("write", "cannot write occurrence counts to " + directory + ": " + e, e);
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
