package dev.offlinedebug.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The {@link StoreSummary} a writer keeps beside a store file it created, when uploads are on. Not
 * thread-safe; {@link StoreAppender} serialises access. A summary that cannot be kept complete (a
 * failed write, a text too long) stops growing: it then describes fewer bytes than its store file,
 * and listings scan that file instead. Nothing here is reported: the store file is what matters.
 */
final class SummaryFile {
  private FileChannel channel;
  private long end;

  private SummaryFile(FileChannel channel) {
    this.channel = channel;
  }

  /** The new summary of store file {@code key}; {@code null} when it cannot be created. */
  static SummaryFile create(Path directory, String key) {
    SummaryFile summary;
    try {
      summary = new SummaryFile(StoreLayout.createSummary(directory, key));
    } catch (IOException e) {
      return null;
    }
    try {
      summary.write(ByteBuffer.wrap(StoreSummary.MAGIC));
      return summary;
    } catch (IOException e) {
      summary.close();
      return null;
    }
  }

  /**
   * Adds the entry of the record of {@code length} bytes just appended at {@code offset}; {@code
   * fields} from {@link StoreSummary}, {@code null} when the record cannot be summarised.
   */
  void add(long offset, int length, byte[] fields) {
    if (channel == null) {
      return;
    }
    if (fields == null) {
      close();
      return;
    }
    try {
      write(StoreSummary.entry(offset, length, fields));
    } catch (IOException e) {
      close();
    }
  }

  /** One positioned write, so that an uploader sees at most one torn entry, at the end. */
  private void write(ByteBuffer bytes) throws IOException {
    int length = bytes.remaining();
    while (bytes.hasRemaining()) {
      channel.write(bytes, end + length - bytes.remaining());
    }
    end += length;
  }

  void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing is buffered.
    }
    channel = null;
  }
}
