package dev.offlinedebug.internal.codec;

/**
 * Writes strings so that every {@code char} sequence round-trips exactly ({@link WireText} reads
 * them). Well-formed UTF-16 goes as Chronicle text; a string holding a lone surrogate (which UTF-8
 * cannot carry) goes as its big-endian UTF-16 code units in a byte array.
 */
final class TextWriter {
  private TextWriter() {}

  static void write(WireOutput out, String s) {
    if (s == null || isWellFormed(s)) {
      out.text(s);
    } else {
      out.bytes(codeUnits(s));
    }
  }

  // By hand: String.getBytes(UTF_16BE) replaces lone surrogates.
  private static byte[] codeUnits(String s) {
    byte[] bytes = new byte[s.length() * 2];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes[2 * i] = (byte) (c >> 8);
      bytes[2 * i + 1] = (byte) c;
    }
    return bytes;
  }

  static boolean isWellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isLowSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
