package dev.offlinedebug.internal.codec;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.wire.ValueIn;

/**
 * Reads strings as {@link TextWriter} writes them: Chronicle text, or, for a string holding a lone
 * surrogate, its big-endian UTF-16 code units in a byte field.
 */
final class WireText {
  /** Chronicle's {@code BinaryWireCode.U8_ARRAY}, after a BYTES_LENGTH8/16/32 prefix. */
  private static final int U8_ARRAY = 0x8A;
  private static final int BYTES_LENGTH8 = 0x80;
  /** Chronicle's codes for text: any length, null, and the short strings 0xE0 + length. */
  private static final int STRING_ANY = 0xB8;
  private static final int NULL = 0xBB;
  private static final int STRING_0 = 0xE0;

  private WireText() {}

  /**
   * Reads what {@link TextWriter#write} wrote; {@code null} stays {@code null}. Anything but text or
   * a byte array is refused before Chronicle sees it: its {@code text()} renders other values, such
   * as a nested document, through a debugging dump that reads wherever a damaged length points.
   */
  static String read(ValueIn in) {
    BytesIn<?> bytes = in.wireIn().bytes();
    if (bytes.readRemaining() <= 0) {
      throw new IllegalStateException("text expected at the end of the input");
    }
    int code = bytes.peekUnsignedByte(bytes.readPosition());
    if (isByteArray(bytes)) {
      byte[] utf16 = in.bytes();
      if (utf16 == null) {
        return null;
      }
      if ((utf16.length & 1) != 0) {
        throw new IllegalStateException("UTF-16 text of odd length " + utf16.length);
      }
      return fromCodeUnits(utf16);
    }
    if (code != STRING_ANY && code != NULL && code < STRING_0) {
      throw new IllegalStateException("text expected, found code 0x" + Integer.toHexString(code));
    }
    return in.text();
  }

  /** Whether the next value is a byte array: a length code, its 1, 2 or 4 length bytes, U8_ARRAY. */
  private static boolean isByteArray(BytesIn<?> bytes) {
    long position = bytes.readPosition();
    int lengthBytes = switch (bytes.peekUnsignedByte(position) - BYTES_LENGTH8) {
      case 0 -> 1;
      case 1 -> 2;
      case 2 -> 4;
      default -> -1;
    };
    long code = position + 1 + lengthBytes;
    return lengthBytes > 0 && code < bytes.readLimit() && bytes.peekUnsignedByte(code) == U8_ARRAY;
  }

  // By hand: new String(bytes, UTF_16BE) replaces lone surrogates.
  private static String fromCodeUnits(byte[] bytes) {
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff));
    }
    return new String(chars);
  }
}
