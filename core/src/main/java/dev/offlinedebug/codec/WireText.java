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

  private WireText() {}

  static void write(ValueOut out, String s) {
    if (s == null || isWellFormed(s)) {
      out.text(s);
    } else {
      out.bytes(codeUnits(s));
    }
  }

  /** Reads what {@link #write} wrote; {@code null} stays {@code null}. */
  static String read(ValueIn in) {
    if (isByteArray(in.wireIn().bytes())) {
      byte[] utf16 = in.bytes();
      if (utf16 == null) {
        return null;
      }
      if ((utf16.length & 1) != 0) {
        throw new IllegalStateException("UTF-16 text of odd length " + utf16.length);
      }
      return fromCodeUnits(utf16);
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
