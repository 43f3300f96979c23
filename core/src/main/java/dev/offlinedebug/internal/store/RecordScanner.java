package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.internal.codec.RepeatRecords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the records of one store file in order. Records marked not complete (a torn write, or one
 * another process is writing right now) and damaged records are skipped by their length; the scan
 * ends at unwritten space or at a length that runs past the end of the file (a torn tail).
 */
final class RecordScanner {
  /** Receives each intact record with its offset. */
  @FunctionalInterface
  interface Visitor {
    void record(long offset, DecodedRecord record);
  }

  private RecordScanner() {}

  /** @return how many damaged records were skipped */
  static int scan(Path file, Visitor visitor) throws IOException {
    return scan(file, null, visitor);
  }

  /**
   * Visits only the records of one first dump (its occurrences and counters), reading a few bytes of
   * each other record instead of decoding it.
   *
   * @return how many damaged records were skipped
   */
  static int scan(Path file, RepeatRecords only, Visitor visitor) throws IOException {
    int damaged = 0;
    FileChannel opened;
    try {
      opened = DumpFileChannel.openForRead(file);
    } catch (NoSuchFileException e) {
      return 0; // Retention deleted the file after it was listed.
    } catch (DumpFormatException e) {
      return 1;
    }
    try (FileChannel channel = opened) {
      long size = channel.size();
      long offset = 0;
      while (offset + RecordFrame.HEADER_SIZE <= size) {
        int header = RecordFrame.readHeader(channel, offset);
        int length = RecordFrame.length(header);
        long next = offset + RecordFrame.HEADER_SIZE + length;
        if (header == 0 || length > RecordFrame.MAX_PAYLOAD || next > size) {
          break;
        }
        if (RecordFrame.isComplete(header) && (only == null || startsAsOneOf(channel, offset, length, only))) {
          try {
            visitor.record(offset, RecordFrame.read(channel, file, offset));
          } catch (DumpFormatException e) {
            damaged++;
          }
        }
        offset = next;
      }
    }
    return damaged;
  }

  private static boolean startsAsOneOf(FileChannel channel, long offset, int length, RepeatRecords only)
      throws IOException {
    ByteBuffer start = ByteBuffer.allocate(Math.min(length, only.prefixLength()));
    while (start.hasRemaining()) {
      if (channel.read(start, offset + RecordFrame.HEADER_SIZE + start.position()) < 0) {
        return false;
      }
    }
    return only.matches(start.array(), start.capacity());
  }

  /**
   * Whether the intact records from the start of the file step over {@code offset} or end before it,
   * proving that no record starts there: the ID was made up or points past the end of the file, it
   * is not a damaged record. Only called once reading has failed.
   */
  static boolean skipsOver(FileChannel channel, Path file, long offset) throws IOException {
    long size = channel.size();
    if (offset >= size) {
      return true;
    }
    long position = 0;
    while (position < offset && position + RecordFrame.HEADER_SIZE <= size) {
      int header = RecordFrame.readHeader(channel, position);
      int length = RecordFrame.length(header);
      long next = position + RecordFrame.HEADER_SIZE + length;
      if (header == 0 || length > RecordFrame.MAX_PAYLOAD || next > size
          || !RecordFrame.isIntact(channel, file, position)) {
        return false;
      }
      position = next;
    }
    // Past the offset: no record starts there. Short of it: the intact records end before it.
    return position != offset;
  }
}
