package dev.offlinedebug.internal.codec;

import dev.offlinedebug.DumpFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 4-byte Chronicle-style header in front of every record: the payload length in the low 30
 * bits, and a not-complete bit. Earlier writers set that bit while the payload was being written;
 * {@link RecordBuffer} writes header and payload in one write, complete, and the record's checksum
 * tells a torn one. A header of zero marks space never written. Little-endian, as
 * Chronicle writes it.
 */
public final class RecordFrame {
  /** Bytes of a header. */
  public static final int HEADER_SIZE = 4;
  /** Largest payload accepted on read; a longer length field is damage, not a reason to allocate. */
  public static final int MAX_PAYLOAD = 64 << 20;

  private static final int NOT_COMPLETE = 0x80000000;
  private static final int LENGTH_MASK = 0x3FFFFFFF;

  private RecordFrame() {}

  /** The header that marks a payload of {@code length} bytes complete. */
  public static ByteBuffer completeHeader(int length) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0, length);
    return header;
  }

  /** The header word at {@code offset}, or {@code 0} when fewer than 4 bytes are there. */
  public static int readHeader(FileChannel channel, long offset) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    while (header.hasRemaining()) {
      if (channel.read(header, offset + header.position()) < 0) {
        return 0;
      }
    }
    return header.getInt(0);
  }

  public static boolean isComplete(int header) {
    return (header & NOT_COMPLETE) == 0;
  }

  public static int length(int header) {
    return header & LENGTH_MASK;
  }

  /**
   * Reads and decodes the record at {@code offset}.
   *
   * @throws DumpFormatException naming {@code file} and {@code offset} when there is no intact record
   */
  public static DecodedRecord read(FileChannel channel, Path file, long offset) throws IOException {
    long size = channel.size();
    if (offset < 0 || offset + HEADER_SIZE > size) {
      throw new DumpFormatException(file, offset, "no record header: file holds " + size + " bytes");
    }
    int length = checkedLength(readHeader(channel, offset), size - offset, file, offset);
    return DumpCodec.decode(payload(channel, file, offset, length), length, file, offset);
  }

  /**
   * Decodes the record whose header starts {@code bytes}, which were read from {@code offset} of
   * {@code file} up to the record's end or the file's: a copy fetched with one ranged read.
   *
   * @throws DumpFormatException naming {@code file} and {@code offset} when there is no intact record
   */
  public static DecodedRecord read(byte[] bytes, Path file, long offset) throws IOException {
    if (bytes.length < HEADER_SIZE) {
      throw new DumpFormatException(file, offset, "no record header: " + bytes.length + " bytes from the offset on");
    }
    int length = checkedLength(header(bytes), bytes.length, file, offset);
    byte[] payload = Arrays.copyOfRange(bytes, HEADER_SIZE, HEADER_SIZE + length);
    return DumpCodec.decode(payload, length, file, offset);
  }

  /** The header word at the start of {@code bytes}, or {@code 0} when fewer than 4 bytes are there. */
  public static int header(byte[] bytes) {
    return bytes.length < HEADER_SIZE ? 0 : ByteBuffer.wrap(bytes, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** The payload length of a record with {@code header}, with {@code available} bytes from its offset on. */
  private static int checkedLength(int header, long available, Path file, long offset) throws DumpFormatException {
    if (header == 0) {
      throw new DumpFormatException(file, offset, "no record here (unwritten space)");
    }
    if (!isComplete(header)) {
      throw new DumpFormatException(file, offset, "record was never completed (torn write)");
    }
    int length = length(header);
    if (length > MAX_PAYLOAD || HEADER_SIZE + length > available) {
      throw new DumpFormatException(file, offset,
          "length " + length + " exceeds file of " + (offset + available) + " bytes");
    }
    String tooLarge = DecodeBudget.payloadProblem(length);
    if (tooLarge != null) {
      throw new DumpFormatException(file, offset, tooLarge);
    }
    return length;
  }

  /**
   * Whether an intact record (complete, with a matching checksum) starts at {@code offset}; its
   * length must have been checked against the file size. A record too large to read into this JVM
   * counts as intact when complete: its length is all a caller stepping over it needs.
   */
  public static boolean isIntact(FileChannel channel, Path file, long offset) throws IOException {
    int header = readHeader(channel, offset);
    if (header == 0 || !isComplete(header) || length(header) > MAX_PAYLOAD) {
      return false;
    }
    if (DecodeBudget.payloadProblem(length(header)) != null) {
      return true;
    }
    try {
      DumpCodec.verifyChecksum(payload(channel, file, offset, length(header)), length(header), file, offset);
      return true;
    } catch (DumpFormatException e) {
      return false;
    }
  }

  private static byte[] payload(FileChannel channel, Path file, long offset, int length) throws IOException {
    ByteBuffer payload = ByteBuffer.allocate(length);
    while (payload.hasRemaining()) {
      if (channel.read(payload, offset + HEADER_SIZE + payload.position()) < 0) {
        throw new DumpFormatException(file, offset, "file ends inside the record");
      }
    }
    return payload.array();
  }
}
