package dev.offlinedebug.codec;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.ValueOut;

/**
 * Writes and reads strings so that every {@code char} sequence round-trips exactly. Well-formed
 * UTF-16 goes through Chronicle's {@code text}; a string holding a lone surrogate (which a UTF-8
 * encoder may replace with {@code '?'}) is stored as its big-endian UTF-16 code units in a byte field.
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

  static void write(ValueOut out, String s) {
    if (s == null || isWellFormed(s)) {
      out.text(s);
    } else {
      out.bytes(codeUnits(s));
    }
  }

  /**
   * Reads what {@link #write} wrote; {@code null} stays {@code null}. Anything but text or a byte
   * array is refused before Chronicle sees it: its {@code text()} renders other values, such as a
   * nested document, through a debugging dump that reads wherever a damaged length points.
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

  // By hand: String.getBytes and new String(bytes, UTF_16BE) replace lone surrogates too.
  private static byte[] codeUnits(String s) {
    byte[] bytes = new byte[s.length() * 2];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes[2 * i] = (byte) (c >> 8);
      bytes[2 * i + 1] = (byte) c;
    }
    return bytes;
  }

  private static String fromCodeUnits(byte[] bytes) {
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff));
    }
    return new String(chars);
  }

  static boolean isWellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
