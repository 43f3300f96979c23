package dev.offlinedebug.store;

import dev.offlinedebug.codec.RecordBuffer;
import dev.offlinedebug.codec.RecordFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Appends records to this writer's current store file, rolling to a new file by size and by time
 * and running retention after each roll. The lock is held only to place and write one record; the
 * caller encodes before.
 */
final class StoreAppender {
  private final Path directory;
  private final long maxFileSize;
  private final long rollNanos;
  private final Retention retention;
  private final StatusReports status;
  private final ReentrantLock lock = new ReentrantLock();
  private StoreFile file;
  private boolean rollBeforeNext;
  private boolean closed;

  StoreAppender(Path directory, long maxFileSize, Duration rollInterval, Retention retention, StatusReports status) {
    this.directory = directory;
    this.status = status;
    this.maxFileSize = maxFileSize;
    this.rollNanos = rollInterval.toNanos();
    this.retention = retention;
  }

  /**
   * Seals (see {@link RecordBuffer#seal}) and appends the dump record encoded in {@code record}.
   *
   * @return the dump's ID
   */
  String appendDump(RecordBuffer record) throws IOException {
    return appendSealed(record, DumpId::text);
  }

  /**
   * Seals and appends the occurrence record encoded in {@code record}, a repeat of the dump at
   * {@code first}.
   *
   * @return the occurrence's ID ({@link OccurrenceId})
   */
  String appendOccurrence(RecordBuffer record, DumpId first) throws IOException {
    return appendSealed(record, at -> new OccurrenceId(first, at).text());
  }

  /** Seals {@code record} with the ID {@code idAt} gives for where it lands, and appends it. */
  private String appendSealed(RecordBuffer record, Function<DumpId, String> idAt) throws IOException {
    boolean rolled;
    String id;
    lock.lock();
    try {
      rolled = prepare(record.length() + 128);
      id = idAt.apply(new DumpId(file.key, file.end()));
      record.seal(id);
      append(record);
    } finally {
      lock.unlock();
    }
    if (rolled) {
      retention.apply();
    }
    return id;
  }

  /** Appends a counter record adding {@code count} occurrences to dump {@code id}. */
  void appendOccurrences(String id, long count) throws IOException {
    RecordBuffer record = RecordBuffer.take();
    try {
      record.encodeOccurrences(id, count);
      lock.lock();
      try {
        prepare(record.length());
        append(record);
      } finally {
        lock.unlock();
      }
    } finally {
      record.release();
    }
  }

  private void append(RecordBuffer record) throws IOException {
    try {
      file.append(record.record());
    } catch (IOException e) {
      // A file that has records moves aside: a full file (EFBIG) or a broken handle must not block
      // the next record. An empty one is retried, so a full disk does not leave a trail of files.
      rollBeforeNext = file.end() > 0;
      throw e;
    }
  }

  /**
   * Makes sure a file is open with room for about {@code length} bytes; whether it rolled. A file
   * deleted meanwhile (alone or with the whole directory) is replaced, the directory recreated.
   */
  private boolean prepare(int length) throws IOException {
    if (closed) {
      throw new IOException("dump writer for " + directory + " is closed");
    }
    if (length > RecordFrame.MAX_PAYLOAD) {
      // Capture keeps a record within maxDumpBytes; this is the last guard: never write what readers refuse.
      throw new IllegalStateException("a dump record of " + length + " bytes is larger than readers accept ("
          + RecordFrame.MAX_PAYLOAD + "); not written");
    }
    boolean deleted = file != null && !file.isLinked();
    if (deleted) {
      status.notice("the dump directory " + directory + " or its current store file was deleted while in use;"
          + " recreating it (dumps stored there before are gone)");
    }
    boolean full = file != null && file.end() > 0
        && file.end() + length > maxFileSize;
    boolean old = file != null && System.nanoTime() - file.createdNanos > rollNanos;
    if (file != null && !(full || old || rollBeforeNext || deleted)) {
      return false;
    }
    if (file != null) {
      file.close();
      file = null;
    }
    StoreLayout.createDirectory(directory);
    file = StoreLayout.createFile(directory);
    rollBeforeNext = false;
    return true;
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      if (file != null) {
        file.close();
        file = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
