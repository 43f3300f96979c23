package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.internal.codec.RepeatRecords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the records of one store file in order. Records marked not complete (a torn write, or one
 * another process is writing right now) and damaged records are skipped by their length; the scan
 * ends at unwritten space or at a length that runs past the end of the file (a torn tail).
 */
final class RecordScanner {
  /** The reads of {@link #intactPrefix}: a summarised store file of 16 MB in 16 reads. */
  private static final int BLOCK = 1 << 20;

  /** Receives each intact record with its offset, and each damaged one's problem. */
  @FunctionalInterface
  interface Visitor {
    void record(long offset, DecodedRecord record);

    /** A complete record that failed to decode (its checksum, or its content), skipped. */
    default void damaged(DumpFormatException problem) {}
  }

  private RecordScanner() {}

  /**
   * Visits every record of {@code file}, a copy of the store file {@code named}, which the problems
   * name (a downloaded object).
   *
   * @return how many damaged records were skipped
   */
  static int scan(Path file, Path named, Visitor visitor) throws IOException {
    return scan(file, named, 0, null, visitor);
  }

  /**
   * Visits only the records of one first dump (its occurrences and counters), reading a few bytes of
   * each other record instead of decoding it.
   *
   * @return how many damaged records were skipped
   */
  static int scan(Path file, RepeatRecords only, Visitor visitor) throws IOException {
    return scan(file, file, 0, only, visitor);
  }

  /**
   * Visits the records from {@code from}, where a record starts, on ({@code only} those of one first
   * dump, or all when null).
   *
   * @return how many damaged records were skipped
   */
  static int scan(Path file, long from, RepeatRecords only, Visitor visitor) throws IOException {
    return scan(file, file, from, only, visitor);
  }

  private static int scan(Path file, Path named, long from, RepeatRecords only, Visitor visitor) throws IOException {
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
      long offset = from;
      while (offset + RecordFrame.HEADER_SIZE <= size) {
        int header = RecordFrame.readHeader(channel, offset);
        int length = RecordFrame.length(header);
        long next = offset + RecordFrame.HEADER_SIZE + length;
        if (header == 0 || length > RecordFrame.MAX_PAYLOAD || next > size) {
          break;
        }
        if (RecordFrame.isComplete(header) && (only == null || startsAsOneOf(channel, offset, length, only))) {
          try {
            visitor.record(offset, RecordFrame.read(channel, named, offset));
          } catch (DumpFormatException e) {
            damaged++;
            visitor.damaged(e);
          }
        }
        offset = next;
      }
    }
    return damaged;
  }

  /**
   * Whether the first {@code end} bytes of {@code channel}'s file are exactly {@code records}
   * complete records, each with a matching checksum: read in large blocks, nothing decoded. The
   * records a summary covers are checked so before the listing trusts it.
   */
  static boolean intactPrefix(FileChannel channel, Path file, long end, int records) throws IOException {
    if (end > channel.size()) {
      return false;
    }
    ByteBuffer block = ByteBuffer.allocate((int) Math.min(end, BLOCK)).order(ByteOrder.LITTLE_ENDIAN);
    long blockStart = 0;
    int blockEnd = 0;
    long offset = 0;
    int seen = 0;
    while (offset < end) {
      if (offset + RecordFrame.HEADER_SIZE > blockStart + blockEnd) {
        blockStart = offset;
        blockEnd = fill(channel, block, blockStart, end);
        if (blockEnd < RecordFrame.HEADER_SIZE) {
          return false;
        }
      }
      int at = (int) (offset - blockStart);
      int header = block.getInt(at);
      int length = RecordFrame.length(header);
      long next = offset + RecordFrame.HEADER_SIZE + length;
      if (header == 0 || !RecordFrame.isComplete(header) || next > end || ++seen > records) {
        return false;
      }
      if (RecordFrame.HEADER_SIZE + length > block.capacity()) {
        if (!RecordFrame.isIntact(channel, file, offset)) {
          return false; // larger than a block: read alone
        }
      } else {
        if (next > blockStart + blockEnd) {
          blockStart = offset;
          blockEnd = fill(channel, block, blockStart, end);
          at = 0;
          if (RecordFrame.HEADER_SIZE + length > blockEnd) {
            return false; // the file shrank meanwhile
          }
        }
        if (!DumpCodec.checksumMatches(block.array(), at + RecordFrame.HEADER_SIZE, length)) {
          return false;
        }
      }
      offset = next;
    }
    return seen == records;
  }

  /** Reads into {@code block} from {@code position} up to its capacity or {@code end}; the bytes read. */
  private static int fill(FileChannel channel, ByteBuffer block, long position, long end) throws IOException {
    block.clear().limit((int) Math.min(block.capacity(), end - position));
    while (block.hasRemaining()) {
      if (channel.read(block, position + block.position()) < 0) {
        break;
      }
    }
    return block.position();
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
