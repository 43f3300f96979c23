package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@link StoreSummary} a writer keeps beside each store file it creates.
 *
 * <p>The logging thread only adds each entry to a buffer in memory: a system call per dump would
 * cost it about as much as encoding the entry many times over. With uploads on, the file is written
 * by the upload thread just before it ships the store file ({@link #take}, {@link #write}, {@link
 * #written}), outside the appender's lock, so the logging thread never waits for that write; and by
 * the logging thread itself when the buffer is full (no upload thread, or it lags) and when it
 * closes the file at a roll, once per {@link #MAX_PENDING} bytes of entries at most. A local
 * listing reads the records past what the file holds from the store file itself. Every write goes at a place reserved
 * under the lock, so writes never overlap, and whoever then reads the summary's size has seen its
 * own write end.
 *
 * <p>A summary that cannot be kept complete (a failed write, an entry larger than the buffer, or
 * entries still buffered when the process was killed) stops growing: it then describes fewer bytes
 * than its store file, and listings scan that file instead. Nothing here is reported: the store file
 * is what matters. Not thread-safe: {@link StoreAppender} calls every method but {@link #write}
 * under its lock.
 */
final class SummaryFile {
  /**
   * The most entry bytes buffered, per writer. An entry is mostly the fingerprint's text: about 600
   * bytes for a failure with a cause, so this holds some 400 dumps, half a store file of 1 MB.
   */
  static final int MAX_PENDING = 256 << 10;

  private final FileChannel channel;
  /** Shared by the summaries of one writer, one after the other: emptied when one closes. */
  private final ByteBuffer pending;
  /** This summary's last dump entry, which the next may refer to; null: none. */
  private StoreSummary.DumpFields lastDump;
  /** Where the next bytes taken from {@code pending} go in the file. */
  private long end;
  private boolean open = true;
  /** The upload thread writes bytes it took: it closes the channel when this closes meanwhile. */
  private boolean writing;

  private SummaryFile(FileChannel channel, ByteBuffer pending) {
    this.channel = channel;
    this.pending = pending.clear();
    pending.put(StoreSummary.MAGIC);
  }

  /**
   * The new summary of store file {@code key}, buffering in {@code pending} (of {@link #MAX_PENDING}
   * bytes, with an array); {@code null} when it cannot be created.
   */
  static SummaryFile create(Path directory, String key, ByteBuffer pending) {
    try {
      return new SummaryFile(StoreLayout.createSummary(directory, key), pending);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Adds the entry of the record of {@code length} bytes just appended at {@code offset}, with
   * {@code fields} from {@link StoreSummary}.
   */
  void add(long offset, int length, StoreSummary.Fields fields) {
    if (!open) {
      return;
    }
    try {
      if (put(offset, length, fields)) {
        return;
      }
    } catch (BufferOverflowException full) {
      writePending();
      try {
        if (open && put(offset, length, fields)) {
          return;
        }
      } catch (BufferOverflowException larger) {
        // An entry larger than the buffer: not summarised.
      }
    }
    giveUp();
  }

  private boolean put(long offset, int length, StoreSummary.Fields fields) {
    if (!StoreSummary.putEntry(pending, offset, length, fields, lastDump)) {
      return false;
    }
    if (fields.dump() != null) {
      lastDump = fields.dump();
    }
    return true;
  }

  /**
   * The entries buffered, taken for the upload thread to {@link #write} outside the lock, then
   * report {@link #written}; {@code null} when there are none. One thread at a time takes and writes.
   */
  Taken take() {
    if (!open || pending.position() == 0) {
      return null;
    }
    Taken taken = new Taken(Arrays.copyOf(pending.array(), pending.position()), end);
    end += pending.position();
    pending.clear();
    writing = true;
    return taken;
  }

  /** Writes {@code taken}; whether that worked. Outside the lock: touches only the channel. */
  boolean write(Taken taken) {
    try {
      write(ByteBuffer.wrap(taken.bytes), taken.at);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** After {@link #write}: whether it {@code worked}. Then closes the channel if this closed meanwhile. */
  void written(boolean worked) {
    writing = false;
    if (!worked) {
      giveUp();
    } else if (!open) {
      closeChannel();
    }
  }

  /** Writes the entries buffered, then closes the file; the last write, when the store file rolls or closes. */
  void close() {
    if (open) {
      writePending();
    }
    giveUp();
  }

  private void writePending() {
    int length = pending.position();
    if (length == 0) {
      return;
    }
    try {
      write(pending.flip(), end);
      end += length;
      pending.clear();
    } catch (IOException e) {
      giveUp();
    }
  }

  /** One positioned write, so that an uploader sees at most one torn entry, at the end. */
  private void write(ByteBuffer bytes, long at) throws IOException {
    int length = bytes.remaining();
    while (bytes.hasRemaining()) {
      channel.write(bytes, at + length - bytes.remaining());
    }
  }

  /**
   * Stops summarising: what is in the file stays, as far as it goes; what is buffered is dropped
   * (once closed, the buffer belongs to the next summary).
   */
  private void giveUp() {
    if (open) {
      open = false;
      pending.clear();
    }
    if (!writing) {
      closeChannel();
    }
  }

  private void closeChannel() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing is buffered.
    }
  }

  /** Entry bytes taken from the buffer, and where in the file they go. */
  record Taken(byte[] bytes, long at) {}
}
