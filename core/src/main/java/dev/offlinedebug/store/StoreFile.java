package dev.offlinedebug.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * The store file one writer appends to, and no one else: it created the file, and holds an OS lock
 * on it so that retention in other processes leaves it alone. Not thread-safe; {@link StoreAppender}
 * serialises access.
 */
final class StoreFile {
  final String key;
  final long createdNanos;
  private final FileChannel channel;
  private final FileLock lock;
  private long end;

  StoreFile(String key, FileChannel channel, long createdNanos) throws IOException {
    this.key = key;
    this.channel = channel;
    this.createdNanos = createdNanos;
    try {
      this.lock = channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Where the next record goes. */
  long end() {
    return end;
  }

  /**
   * Appends one framed record (header and payload, see {@link dev.offlinedebug.codec.RecordBuffer})
   * at {@link #end()} with one positioned write. The header is written complete: the record's
   * checksum, not a second write clearing the not-complete bit, tells readers whether it is whole
   * (a torn record runs past the end of the file or fails its checksum, and is skipped). On failure
   * the file is cut back to where the record began, so a later append starts clean.
   */
  void append(ByteBuffer record) throws IOException {
    long offset = end;
    try {
      int length = record.remaining();
      while (record.hasRemaining()) {
        channel.write(record, offset + length - record.remaining());
      }
      end = offset + length;
    } catch (IOException e) {
      cutBack(offset);
      throw e;
    }
  }

  private void cutBack(long offset) {
    try {
      channel.truncate(offset);
    } catch (IOException | RuntimeException e) {
      // The partial record stays marked not complete until the next append overwrites it.
    }
  }

  /** Releases the lock and the file; the file stays for readers. */
  void close() {
    try {
      lock.release();
    } catch (IOException | RuntimeException ignored) {
      // Closing the channel releases the lock as well.
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was buffered: every append wrote through to the channel.
    }
  }
}
