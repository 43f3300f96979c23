package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.RecordBuffer;
import dev.offlinedebug.internal.codec.RecordFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Appends records to this writer's current store file, rolling to a new file by size and by time
 * and running {@code afterRoll} with the new file's name after each roll (retention, or telling the
 * uploader that the file is new, when the upload thread runs retention). The
 * lock is held only to place and write one record; the caller encodes before. Each store file gets
 * a {@link SummaryFile} with an entry per record, buffered here and written when the buffer fills
 * and at a roll, and by the upload thread before it ships the file ({@link #flushSummary}), so that
 * listings read summaries instead of decoding every dump.
 */
public final class StoreAppender {
  private final Path directory;
  private final long maxFileSize;
  private final long rollNanos;
  private final Consumer<String> afterRoll;
  private final StatusReports status;
  /** The entries of {@code summary} not written yet; made with the first store file. */
  private ByteBuffer summaryBuffer;
  private final LastFingerprint fingerprint = new LastFingerprint();
  private final ReentrantLock lock = new ReentrantLock();
  private StoreFile file;
  /** The summary of {@code file}; null when it could not be created. */
  private SummaryFile summary;
  /**
   * The key of the store file {@code summary} describes, or null: read without the lock, so that the
   * upload thread, which asks for every store file on each pass, takes the lock only for this one.
   */
  private volatile String summarisedKey;
  private boolean rollBeforeNext;
  private boolean closed;

  public StoreAppender(Path directory, long maxFileSize, Duration rollInterval, Consumer<String> afterRoll,
      StatusReports status) {
    this.directory = directory;
    this.status = status;
    this.maxFileSize = maxFileSize;
    this.rollNanos = rollInterval.toNanos();
    this.afterRoll = afterRoll;
  }

  /**
   * Seals (see {@link RecordBuffer#seal}) and appends the record of {@code dump} encoded in {@code
   * record}.
   *
   * @return the dump's ID
   */
  public String appendDump(RecordBuffer record, Dump dump) throws IOException {
    return appendSealed(record, DumpId::text, () -> StoreSummary.dump(dump.time(), dump.level(),
        dump.exception().root().type(), dump.exception().root().message(), dump.logger(), dump.thread().name(),
        fingerprint.of(dump.exception())));
  }

  /**
   * Seals and appends the occurrence record encoded in {@code record}, a repeat of the dump at
   * {@code first} logged at {@code time}.
   *
   * @return the occurrence's ID ({@link OccurrenceId})
   */
  public String appendOccurrence(RecordBuffer record, DumpId first, Instant time) throws IOException {
    return appendSealed(record, at -> new OccurrenceId(first, at).text(), () -> StoreSummary.occurrence(first.text(), time));
  }

  /**
   * Seals {@code record} with the ID {@code idAt} gives for where it lands, and appends it; {@code
   * summarised} gives its summary entry's fields, asked only when there is a summary.
   */
  private String appendSealed(RecordBuffer record, Function<DumpId, String> idAt,
      Supplier<StoreSummary.Fields> summarised) throws IOException {
    String rolledTo;
    String id;
    lock.lock();
    try {
      rolledTo = prepare(record.length() + 128) ? file.key + StoreLayout.SUFFIX : null;
      try {
        id = sealAndAppend(record, idAt, summarised);
      } catch (IOException e) {
        if (!rollBeforeNext) {
          throw e;
        }
        // A file with records refused it: the file may be full (EFBIG, a file size limit) rather than
        // the disk, so the record is tried once in a new file, sealed with the ID of where it lands.
        prepare(record.length() + 128);
        rolledTo = file.key + StoreLayout.SUFFIX;
        id = sealAndAppend(record, idAt, summarised);
      }
    } finally {
      lock.unlock();
    }
    if (rolledTo != null) {
      afterRoll.accept(rolledTo);
    }
    return id;
  }

  private String sealAndAppend(RecordBuffer record, Function<DumpId, String> idAt,
      Supplier<StoreSummary.Fields> summarised) throws IOException {
    String id = idAt.apply(new DumpId(file.key, file.end()));
    record.seal(id);
    append(record, summarised);
    return id;
  }

  /** Appends a counter record adding {@code count} occurrences to dump {@code id}. */
  public void appendOccurrences(String id, long count) throws IOException {
    RecordBuffer record = RecordBuffer.take();
    try {
      record.encodeOccurrences(id, count);
      lock.lock();
      try {
        prepare(record.length());
        append(record, () -> StoreSummary.counter(id, count));
      } finally {
        lock.unlock();
      }
    } finally {
      record.release();
    }
  }

  private void append(RecordBuffer record, Supplier<StoreSummary.Fields> summarised) throws IOException {
    long offset = file.end();
    try {
      file.append(record.record());
    } catch (IOException e) {
      // A file that has records moves aside: a full file (EFBIG) or a broken handle must not block
      // the next record. An empty one is retried, so a full disk does not leave a trail of files.
      rollBeforeNext = file.end() > 0;
      throw e;
    }
    if (summary != null) {
      summary.add(offset, (int) (file.end() - offset), summarised.get());
    }
  }

  /**
   * Makes sure a file is open with room for about {@code length} bytes; whether it rolled. A file
   * deleted meanwhile (alone or with the whole directory) is restored with its records, the
   * directory recreated; one replaced by another file is left to it.
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
    if (file != null) {
      long now = System.nanoTime();
      boolean full = file.end() > 0 && file.end() + length > maxFileSize;
      boolean old = now - file.createdNanos > rollNanos;
      boolean roll = full || old || rollBeforeNext;
      // A file about to be closed is checked now: the records of its last interval must not go with it.
      if ((roll || file.linkCheckDue(now)) && !keepLinked()) {
        roll = true;
      }
      if (!roll) {
        return false;
      }
    }
    closeFile();
    StoreLayout.createDirectory(directory);
    file = StoreLayout.createFile(directory);
    if (summaryBuffer == null) {
      summaryBuffer = ByteBuffer.allocate(SummaryFile.MAX_PENDING);
    }
    summary = SummaryFile.create(directory, file.key, summaryBuffer);
    summarisedKey = summary == null ? null : file.key;
    rollBeforeNext = false;
    return true;
  }

  /**
   * Checks that the current file is still linked under its name, and restores it when it was deleted;
   * false when another file took its name, so that this one must be left.
   */
  private boolean keepLinked() throws IOException {
    switch (file.link()) {
      case DELETED:
        restore();
        return true;
      case REPLACED:
        status.notice("the current store file " + file.key + " in " + directory + " was replaced while in use;"
            + " the dumps stored in it are gone, continuing in a new file");
        return false;
      default:
        return true;
    }
  }

  /**
   * Creates the deleted current file again, and its directory, with every record it held: no ID
   * given for it becomes unloadable. Without its summary, which went with it: listings and uploads
   * then read the store file itself.
   */
  private void restore() throws IOException {
    status.notice("the dump directory " + directory + " or its current store file was deleted while in use;"
        + " recreating it with the dumps it held");
    StoreFile deleted = file;
    file = null;
    closeSummary();
    try {
      StoreLayout.createDirectory(directory);
      StoreFile restored = StoreLayout.createFile(directory, deleted.key, deleted.createdNanos);
      try {
        restored.restoreFrom(deleted);
      } catch (IOException e) {
        restored.close();
        throw e;
      }
      file = restored;
    } finally {
      // Its records are copied, or cannot be: either way it takes no more.
      deleted.close();
    }
  }

  /**
   * Writes the summary entries buffered for {@code storeFile} when it is the current file: on the
   * upload thread, before it uploads that file's summary. The write runs outside the lock, so the
   * logging thread waits at most for the buffer's copy.
   */
  public void flushSummary(Path storeFile) {
    if (!StoreLayout.fileKey(storeFile).equals(summarisedKey)) {
      return;
    }
    SummaryFile taking;
    SummaryFile.Taken taken;
    lock.lock();
    try {
      if (summary == null || !StoreLayout.fileKey(storeFile).equals(file.key)) {
        return;
      }
      taking = summary;
      taken = summary.take();
    } finally {
      lock.unlock();
    }
    if (taken == null) {
      return;
    }
    boolean worked = taking.write(taken);
    lock.lock();
    try {
      taking.written(worked);
    } finally {
      lock.unlock();
    }
  }

  public void close() {
    lock.lock();
    try {
      closed = true;
      if (file != null) {
        keepLinked();
      }
    } catch (IOException e) {
      status.problem("write", "cannot restore the deleted store file in " + directory + ": " + e, e);
    } finally {
      closeFile();
      lock.unlock();
    }
  }

  private void closeFile() {
    if (file != null) {
      file.close();
      file = null;
    }
    closeSummary();
  }

  private void closeSummary() {
    if (summary != null) {
      summarisedKey = null;
      summary.close();
      summary = null;
    }
  }
}
