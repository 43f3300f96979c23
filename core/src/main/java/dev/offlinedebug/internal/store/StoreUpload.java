package dev.offlinedebug.internal.store;

import dev.offlinedebug.spi.ObjectStorage;
import dev.offlinedebug.spi.StorageLocations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Ships a store directory to object storage, off the logging thread: one daemon thread looks at the
 * directory every {@link #PASS_INTERVAL} and uploads each store file whose size differs from its
 * object's, the file being written too. The local store stays the write-ahead: retention keeps every
 * file until its last bytes are uploaded ({@link #holds}), and runs on this thread after each pass
 * that found work, not on the logging thread, since uploads are what make files deletable.
 *
 * <p>Why whole files, re-uploaded as they grow, rather than segments: the object is then a byte-for
 * -byte copy of the file, so a dump ID (file and offset) resolves with one ranged read and no
 * listing, and a crash or a restart leaves nothing to reassemble. The price is re-sending a file
 * while it grows, which would cost the square of its size: so a file this process uploaded already
 * is re-sent at most every {@link #RESEND_INTERVAL} (a file seen for the first time goes at the next
 * pass), and with upload on files roll at {@link #MAX_FILE_SIZE}. Re-sending then adds to the bytes
 * logged at most one such file per interval (200 KB/s), about half that on average.
 *
 * <p>Failures (server down, wrong credentials, no bucket) are reported once, then retried with
 * exponential backoff up to {@link #MAX_BACKOFF}; when it works again that is reported too. State is a
 * size per store file in the directory, so memory is bounded by the store. A file's bytes stream from
 * disk to the client. A new process first compares each file with its object (one size request a
 * file it did not create itself), and uploads what a previous process left.
 */
public final class StoreUpload implements AutoCloseable {
  static final Duration PASS_INTERVAL = Duration.ofSeconds(1);
  /**
   * A growing file is re-sent at most this often: an ID is in the bucket within about this long
   * plus one pass, under the 10 s the durability promise allows.
   */
  static final Duration RESEND_INTERVAL = Duration.ofSeconds(5);
  /** With upload on, store files roll at this size (or {@code maxFileSize}, when smaller). */
  public static final long MAX_FILE_SIZE = 1L << 20;
  static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
  /** How long a clean stop keeps trying to upload what is left; the rest waits for the next start. */
  static final Duration CLOSE_BUDGET = Duration.ofSeconds(20);

  private final Path directory;
  private final ObjectStorage storage;
  private final StatusReports status;
  /** Per file name, the bytes its object holds as far as this process knows. */
  private final Map<String, Long> shipped = new ConcurrentHashMap<>();
  /** Per store file name, when this process last uploaded it ({@link System#nanoTime}); under {@code passLock}. */
  private final Map<String, Long> sentAt = new HashMap<>();
  private final Object passLock = new Object();
  private final Thread worker;
  private final Thread shutdownHook;
  /** Retention of the directory, run after each pass that found work. */
  private volatile Runnable retention = () -> { };
  /** Writes the summary entries the writer buffered for a store file ({@link StoreAppender#flushSummary}). */
  private volatile Consumer<Path> flushSummary = file -> { };
  private volatile boolean closed;

  private StoreUpload(Path directory, ObjectStorage storage, StatusReports status) {
    this.directory = directory;
    this.storage = storage;
    this.status = status;
    this.worker = new Thread(this::run, "offline-debug-upload");
    worker.setDaemon(true);
    // Honoured by Windows and macOS; Linux ignores it by default, hence the cheap passes above all.
    worker.setPriority(Thread.MIN_PRIORITY);
    this.shutdownHook = new Thread(this::close, "offline-debug-upload-flush");
  }

  /**
   * Opens {@code target} for shipping {@code directory}; {@link #start} starts the thread.
   *
   * @return {@code null} when {@code target} cannot be opened (no module for its scheme, no region):
   *     reported to {@code status}, dumps stay local
   */
  public static StoreUpload open(URI target, Path directory, StatusReports status) {
    ObjectStorage storage;
    try {
      storage = StorageLocations.open(target);
    } catch (IOException | RuntimeException | LinkageError e) {
      status.problem("upload-setup", "upload " + target + " is set but cannot be used, so dumps stay in "
          + directory + " only: " + e.getMessage(), null);
      return null;
    }
    return new StoreUpload(directory, storage, status);
  }

  /**
   * Starts shipping, running {@code retention} after each pass that found work, and {@code
   * flushSummary} on a store file before its summary is looked at.
   */
  public void start(Runnable retention, Consumer<Path> flushSummary) {
    this.retention = retention;
    this.flushSummary = flushSummary;
    worker.start();
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Started during shutdown: the closing writer uploads what there is.
    }
  }

  /**
   * Store file {@code name} was just created by this process's writer: neither it nor its summary
   * can have an object yet, so the first upload needs no size request. Asking costs the upload
   * thread about as much as uploading a file of 1 MB, and a storm rolls dozens of files a second.
   */
  public void created(String name) {
    shipped.putIfAbsent(name, -1L);
    shipped.putIfAbsent(StoreLayout.summaryName(name), -1L);
  }

  /**
   * Whether retention must keep store file {@code name} of {@code size} bytes: its object does not
   * hold all of it yet, or its summary's object lags the summary (retention deletes the summary with
   * its store file, and a lagging summary would make every listing of the bucket download the file).
   */
  public boolean holds(String name, long size) {
    if (!StoreLayout.isStoreFileName(name)) {
      return false;
    }
    Long inBucket = shipped.get(name);
    return inBucket == null || inBucket != size || !summaryShipped(StoreLayout.summaryName(name));
  }

  private boolean summaryShipped(String summary) {
    long size = sizeOf(directory.resolve(summary));
    if (size < 0) {
      return true; // none: written without summaries, or it could not be created
    }
    Long inBucket = shipped.get(summary);
    return inBucket != null && inBucket == size;
  }

  private void run() {
    long wait = PASS_INTERVAL.toMillis();
    while (true) {
      // close() wakes the wait rather than interrupting the thread: an interrupt would abort an
      // upload in flight and report a failure that is none. It then waits for that pass to end.
      synchronized (this) {
        try {
          if (!closed) {
            wait(wait);
          }
        } catch (InterruptedException e) {
          return;
        }
        if (closed) {
          return; // close() uploads what is left itself
        }
      }
      wait = pass(false) ? PASS_INTERVAL.toMillis() : Math.min(wait * 2, MAX_BACKOFF.toMillis());
    }
  }

  /**
   * Uploads every changed store file and its summary, newest first (the active file is what a crash
   * would lose); with {@code all}, also those re-sent less than {@link #RESEND_INTERVAL} ago. Whether
   * all worked.
   */
  boolean pass(boolean all) {
    synchronized (passLock) {
      boolean found = false;
      try {
        // Only entries of files gone since the listing go: those the writer creates meanwhile (created) stay.
        Set<String> gone = new HashSet<>(shipped.keySet());
        List<Path> files = StoreLayout.storeFiles(directory);
        Set<String> names = new HashSet<>();
        long now = System.nanoTime();
        for (int i = files.size() - 1; i >= 0; i--) {
          Path file = files.get(i);
          Path summary = file.resolveSibling(StoreLayout.summaryName(file.getFileName().toString()));
          names.add(file.getFileName().toString());
          names.add(summary.getFileName().toString());
          found |= ship(file, summary, all, now);
        }
        gone.removeAll(names);
        shipped.keySet().removeAll(gone);
        sentAt.keySet().retainAll(names);
        status.cleared("upload", "uploading dumps to " + storage.location() + " works again");
        return true;
      } catch (IOException | RuntimeException e) {
        found = true;
        status.problem("upload", "cannot upload dumps to " + storage.location() + "; they stay in " + directory
            + " and uploading is retried with backoff: " + e.getMessage(), null);
        return false;
      } finally {
        if (found) {
          retention.run();
        }
      }
    }
  }

  /**
   * Uploads store file {@code file} when it changed, then its summary ({@link StoreSummary}) when
   * that changed: after its file, so that it describes every byte just uploaded (a summary that lags
   * its object makes listings download and scan that object). The summary's buffered entries are
   * written after the file's size is read, so they cover at least that much. Whether either had
   * changed.
   */
  private boolean ship(Path file, Path summary, boolean all, long now) throws IOException {
    String name = file.getFileName().toString();
    long size = sizeOf(file);
    flushSummary.accept(file);
    long summarySize = sizeOf(summary);
    boolean fileChanged = size >= 0 && changed(name, size);
    boolean summaryChanged = summarySize >= 0 && changed(summary.getFileName().toString(), summarySize);
    if (!fileChanged && !summaryChanged) {
      return false;
    }
    Long sent = sentAt.get(name);
    if (!all && sent != null && now - sent < RESEND_INTERVAL.toNanos()) {
      return true;
    }
    if (fileChanged) {
      storage.upload(name, file, size);
      shipped.put(name, size);
      sentAt.put(name, now);
    }
    if (summaryChanged) {
      storage.upload(summary.getFileName().toString(), summary, summarySize);
      shipped.put(summary.getFileName().toString(), summarySize);
    }
    return true;
  }

  /** Whether the object {@code name} lacks bytes of its file of {@code size}; asks the storage once per name. */
  private boolean changed(String name, long size) throws IOException {
    Long known = shipped.get(name);
    if (known == null) {
      known = storage.size(name);
      shipped.put(name, known);
    }
    return known != size;
  }

  /** The size of {@code file}, or {@code -1} when there is none (retention deleted it meanwhile, or no summary). */
  private static long sizeOf(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isRegularFile() ? a.size() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Stops the thread and uploads what is left, retrying within {@link #CLOSE_BUDGET}; what still
   * fails stays local and the next start uploads it. Runs once, on the writer's close or at JVM exit.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      notifyAll();
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway and finds this closed.
      }
    }
    long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
    long wait = 250;
    while (!pass(true) && System.nanoTime() + wait * 1_000_000 < deadline) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      wait = Math.min(wait * 2, MAX_BACKOFF.toMillis());
    }
    storage.close();
  }
}
