package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;

/**
 * Encodes dumps, occurrences and occurrence counters as Chronicle Wire binary documents with hand-written
 * marshalling, and decodes them. A record payload is one document whose last field {@code z} is a
 * CRC32C of everything before it, so damage is found before any field is parsed.
 *
 * <p>Encoding is plain Java ({@link RecordBuffer}, which the store's write path uses directly:
 * this class's decoding side refers to Chronicle); decoding reads with Chronicle Wire.
 */
public final class DumpCodec {
  /** The record format version written into every document. Readers skip fields they do not know. */
  public static final int FORMAT_VERSION = 1;

  /** {@code c1 'z' a6} + 4 bytes: the field name, Chronicle's fixed int32 code and the CRC. */
  private static final int TRAILER_SIZE = 7;

  private DumpCodec() {}

  /** Every field of {@code dump} except its ID; pass the result to {@link #seal}. */
  public static byte[] encodeBody(Dump dump) {
    RecordBuffer buffer = RecordBuffer.take();
    try {
      buffer.encodeDump(dump);
      return buffer.bodyBytes();
    } finally {
      buffer.release();
    }
  }

  /** The record payload of {@code dump}, ID included. */
  public static byte[] encode(Dump dump) {
    RecordBuffer buffer = RecordBuffer.take();
    try {
      buffer.encodeDump(dump);
      buffer.seal(dump.id());
      return buffer.payload();
    } finally {
      buffer.release();
    }
  }

  /** The complete payload: {@code body}, the ID field and the checksum trailer. */
  public static byte[] seal(byte[] body, String id) {
    RecordBuffer buffer = RecordBuffer.take();
    try {
      buffer.body(body);
      buffer.seal(id);
      return buffer.payload();
    } finally {
      buffer.release();
    }
  }

  /**
   * The payload of an occurrence record with ID {@code id}: {@code occurrence} stored as its
   * differences from {@code baseline}, the baseline of dump {@code firstId}; {@code null} when its
   * shape differs from that dump's.
   */
  public static byte[] encodeOccurrence(OccurrenceBaseline baseline, String firstId, Dump occurrence, String id) {
    RecordBuffer buffer = RecordBuffer.take();
    try {
      if (!buffer.encodeOccurrence(baseline, firstId, occurrence)) {
        return null;
      }
      buffer.seal(id);
      return buffer.payload();
    } finally {
      buffer.release();
    }
  }

  /** A counter record payload adding {@code count} occurrences to dump {@code id}. */
  public static byte[] encodeOccurrences(String id, long count) {
    RecordBuffer buffer = RecordBuffer.take();
    try {
      buffer.encodeOccurrences(id, count);
      return buffer.payload();
    } finally {
      buffer.release();
    }
  }

  /**
   * Decodes the payload {@code payload[0, length)} of the record at {@code offset} in {@code file}.
   *
   * @throws DumpFormatException naming file and offset when the payload is damaged or not a record
   */
  public static DecodedRecord decode(byte[] payload, int length, Path file, long offset)
      throws DumpFormatException {
    verifyChecksum(payload, length, file, offset);
    Bytes<byte[]> in = Bytes.allocateElasticOnHeap(length);
    try {
      in.write(payload, 0, length - TRAILER_SIZE);
      return new DumpDecoder().decode(BinaryWire.binaryOnly(in));
    } catch (RuntimeException | StackOverflowError e) {
      throw new DumpFormatException(file, offset, "undecodable record: " + e, e);
    } finally {
      in.releaseLast();
    }
  }

  public static void verifyChecksum(byte[] payload, int length, Path file, long offset)
      throws DumpFormatException {
    if (length < TRAILER_SIZE || payload[length - TRAILER_SIZE] != (byte) 0xc1
        || payload[length - TRAILER_SIZE + 1] != 'z' || payload[length - TRAILER_SIZE + 2] != (byte) 0xa6) {
      throw new DumpFormatException(file, offset, "no checksum trailer");
    }
    if (!checksumMatches(payload, 0, length)) {
      throw new DumpFormatException(file, offset, "checksum mismatch");
    }
  }

  /**
   * Whether the payload {@code bytes[from, from + length)} ends with the checksum trailer of what
   * precedes it: a record intact, without decoding it.
   */
  public static boolean checksumMatches(byte[] bytes, int from, int length) {
    int body = from + length - TRAILER_SIZE;
    if (length < TRAILER_SIZE || bytes[body] != (byte) 0xc1 || bytes[body + 1] != 'z' || bytes[body + 2] != (byte) 0xa6) {
      return false;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length - TRAILER_SIZE);
    int stored = (bytes[body + 3] & 0xff) | (bytes[body + 4] & 0xff) << 8
        | (bytes[body + 5] & 0xff) << 16 | (bytes[body + 6] & 0xff) << 24;
    return stored == (int) crc.getValue();
  }

}
