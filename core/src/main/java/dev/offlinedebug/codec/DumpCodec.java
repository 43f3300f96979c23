package dev.offlinedebug.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.WireOut;

/**
 * Encodes dumps and occurrence counters as Chronicle Wire binary documents with hand-written
 * marshalling, and decodes them. A record payload is one document whose last field {@code z} is a
 * CRC32C of everything before it, so damage is found before any field is parsed.
 *
 * <p>Encoding is split so a store can encode outside its lock and add the ID, which depends on where
 * the record lands, inside it: {@link #encodeBody} then {@link #seal}.
 */
public final class DumpCodec {
  /** The record format version written into every document. Readers skip fields they do not know. */
  public static final int FORMAT_VERSION = 1;

  /** {@code c1 'z' a6} + 4 bytes: the field name, Chronicle's fixed int32 code and the CRC. */
  private static final int TRAILER_SIZE = 7;

  private DumpCodec() {}

  /** Every field of {@code dump} except its ID; pass the result to {@link #seal}. */
  public static byte[] encodeBody(Dump dump) {
    EncodeBuffers buffers = EncodeBuffers.take();
    try {
      new DumpEncoder().encode(dump, buffers.out, buffers.body);
      return buffers.out.toByteArray();
    } finally {
      buffers.giveBack();
    }
  }

  /** The record payload of {@code dump}, ID included. */
  public static byte[] encode(Dump dump) {
    return seal(encodeBody(dump), dump.id());
  }

  /** The complete payload: {@code body}, the ID field and the checksum trailer. */
  public static byte[] seal(byte[] body, String id) {
    EncodeBuffers buffers = EncodeBuffers.take();
    try {
      buffers.out.write(body);
      WireText.write(BinaryWire.binaryOnly(buffers.out).write("id"), id);
      return withChecksum(buffers.out);
    } finally {
      buffers.giveBack();
    }
  }

  /** A counter record payload adding {@code count} occurrences to dump {@code id}. */
  public static byte[] encodeOccurrences(String id, long count) {
    Bytes<byte[]> out = Bytes.allocateElasticOnHeap(64);
    try {
      WireOut w = BinaryWire.binaryOnly(out);
      w.write("v").int32(FORMAT_VERSION);
      WireText.write(w.write("oc"), id);
      w.write("on").int64(count);
      return withChecksum(out);
    } finally {
      out.releaseLast();
    }
  }

  private static byte[] withChecksum(Bytes<byte[]> out) {
    CRC32C crc = new CRC32C();
    crc.update(out.underlyingObject(), 0, (int) out.writePosition());
    BinaryWire.binaryOnly(out).write("z").fixedInt32((int) crc.getValue());
    return out.toByteArray();
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

  static void verifyChecksum(byte[] payload, int length, Path file, long offset)
      throws DumpFormatException {
    int body = length - TRAILER_SIZE;
    if (body < 0 || payload[body] != (byte) 0xc1 || payload[body + 1] != 'z'
        || payload[body + 2] != (byte) 0xa6) {
      throw new DumpFormatException(file, offset, "no checksum trailer");
    }
    CRC32C crc = new CRC32C();
    crc.update(payload, 0, body);
    int stored = (payload[body + 3] & 0xff) | (payload[body + 4] & 0xff) << 8
        | (payload[body + 5] & 0xff) << 16 | (payload[body + 6] & 0xff) << 24;
    if (stored != (int) crc.getValue()) {
      throw new DumpFormatException(file, offset, "checksum mismatch");
    }
  }
}
