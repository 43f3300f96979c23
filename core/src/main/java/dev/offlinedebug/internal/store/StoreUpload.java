package dev.offlinedebug.internal.store;

import dev.offlinedebug.spi.ObjectStorage;
import dev.offlinedebug.spi.StorageLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Ships a store directory to object storage, off the logging thread: one daemon thread looks at the
 * directory every {@link #PASS_INTERVAL} and uploads each store file whose size differs from its
 * object's, the file being written too. The local store stays the write-ahead: retention keeps every
 * file until its last bytes are uploaded ({@link #holds}).
 *
 * <p>Why whole files, re-uploaded as they grow, rather than segments: the object is then a byte-for
 * -byte copy of the file, so a dump ID (file and offset) resolves with one ranged read and no
 * listing, and a crash or a restart leaves nothing to reassemble. The price is re-sending the active
 * file while it grows, at most once per pass, bounded by {@code maxFileSize}.
 *
 * <p>Failures (server down, wrong credentials, no bucket) are reported once, then retried with
 * exponential backoff up to {@link #MAX_BACKOFF}; when it works again that is reported too. State is a
 * size per store file in the directory, so memory is bounded by the store. A file's bytes stream from
 * disk to the client. A new process first compares each file with its object (one size request a
 * file), and uploads what a previous process left.
 */
public final class StoreUpload implements AutoCloseable {
  static final Duration PASS_INTERVAL = Duration.ofSeconds(2);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
  /** How long a clean stop keeps trying to upload what is left; the rest waits for the next start. */
  static final Duration CLOSE_BUDGET = Duration.ofSeconds(20);

  private final Path directory;
  private final ObjectStorage storage;
  private final StatusReports status;
  /** Per file name, the bytes its object holds as far as this process knows. */
  private final Map<String, Long> shipped = new ConcurrentHashMap<>();
  private final Object passLock = new Object();
  private final Thread worker;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private StoreUpload(Path directory, ObjectStorage storage, StatusReports status) {
    this.directory = directory;
    this.storage = storage;
    this.status = status;
    this.worker = new Thread(this::run, "offline-debug-upload");
    worker.setDaemon(true);
    this.shutdownHook = new Thread(this::close, "offline-debug-upload-flush");
  }

  /**
   * Starts shipping {@code directory} to {@code target}.
   *
   * @return {@code null} when {@code target} cannot be opened (no module for its scheme, no region):
   *     reported to {@code status}, dumps stay local
   */
  public static StoreUpload start(URI target, Path directory, StatusReports status) {
    ObjectStorage storage;
    try {
      storage = StorageLocations.open(target);
    } catch (IOException | RuntimeException | LinkageError e) {
      status.problem("upload-setup", "upload " + target + " is set but cannot be used, so dumps stay in "
          + directory + " only: " + e.getMessage(), null);
      return null;
    }
    StoreUpload upload = new StoreUpload(directory, storage, status);
    upload.worker.start();
    try {
      Runtime.getRuntime().addShutdownHook(upload.shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Started during shutdown: the closing writer uploads what there is.
    }
    return upload;
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
    long size;
    try {
      size = Files.readAttributes(directory.resolve(summary), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .size();
    } catch (IOException e) {
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
      wait = pass() ? PASS_INTERVAL.toMillis() : Math.min(wait * 2, MAX_BACKOFF.toMillis());
    }
  }

  /** Uploads every changed file, newest first (the active file is what a crash would lose); whether all worked. */
  boolean pass() {
    synchronized (passLock) {
      try {
        List<Path> files = shippable();
        for (Path file : files) {
          ship(file);
        }
        shipped.keySet().retainAll(files.stream().map(f -> f.getFileName().toString()).toList());
        status.cleared("upload", "uploading dumps to " + storage.location() + " works again");
        return true;
      } catch (IOException | RuntimeException e) {
        status.problem("upload", "cannot upload dumps to " + storage.location() + "; they stay in " + directory
            + " and uploading is retried with backoff: " + e.getMessage(), null);
        return false;
      }
    }
  }

  private void ship(Path file) throws IOException {
    String name = file.getFileName().toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      return; // retention deleted it meanwhile; it was shipped, or it would have been held
    }
    Long known = shipped.get(name);
    if (known == null) {
      known = storage.size(name);
      shipped.put(name, known);
    }
    if (known != size) {
      storage.upload(name, file, size);
      shipped.put(name, size);
    }
  }

  /**
   * Store files newest first, each followed by its summary ({@link StoreSummary}) when there is
   * one. The summary goes after its file, so that it describes every byte just uploaded: a summary
   * that lags its object makes listings download and scan that object.
   */
  private List<Path> shippable() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(f -> isShippable(f.getFileName().toString()) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .forEach(files::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(Comparator.comparing((Path f) -> f.getFileName().toString().substring(0, 16)).reversed()
        .thenComparing(f -> f.getFileName().toString().endsWith(StoreLayout.SUFFIX) ? 0 : 1));
    return files;
  }

  private static boolean isShippable(String name) {
    return StoreLayout.isStoreFileName(name) || StoreLayout.isSummaryName(name);
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
    while (!pass() && System.nanoTime() + wait * 1_000_000 < deadline) {
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
