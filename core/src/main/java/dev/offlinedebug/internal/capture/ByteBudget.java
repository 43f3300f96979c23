package dev.offlinedebug.internal.capture;

import dev.offlinedebug.internal.codec.RecordFrame;

/**
 * Bounds the encoded size of one dump while it is captured, so that the whole record stays within
 * {@code maxDumpBytes}: values, but also messages, frames, suppressed throwables and causes. Charges
 * follow the codec's shape and err on the high side: a name repeated within a dump (class, method,
 * field, type) is stored once in the record's string table and costs a short index after; an int
 * costs 1 byte below 128, else up to 5; text its UTF-8 bytes (2 a char when it holds a lone
 * surrogate and is stored as UTF-16) after a length prefix.
 */
final class ByteBudget {
  /** An index into the string table, a tag, or a small number. */
  static final int SMALL = 2;
  /** A primitive value with its tag. */
  static final int SCALAR = 9;
  /** Length prefix of a text, and field name with type code of a field. */
  static final int PREFIX = 5;
  /**
   * No budget goes past what readers accept ({@link RecordFrame#MAX_PAYLOAD}), with a megabyte
   * left for what capture cannot shrink (host, JVM, names of the agent's bounded locals).
   */
  static final long CEILING = RecordFrame.MAX_PAYLOAD - (1L << 20);
  /** Appended to a cut text, before the count of characters cut. */
  static final String CUT_MARKER = " <truncated> ";

  /**
   * One per thread: a fresh hash set per dump cost more than the rest of the estimate. A capture
   * nested on the same thread would only make the estimate rougher.
   */
  private static final ThreadLocal<NameCharges> NAMES = ThreadLocal.withInitial(NameCharges::new);

  private final NameCharges names = NAMES.get();
  private final int dump = names.startDump();
  /** Indexes of the record's string table in use, {@code null}'s included. */
  private int tableSize = 1;
  private final long limit;
  private long remaining;

  ByteBudget(long bytes) {
    limit = Math.max(0, Math.min(bytes, CEILING));
    remaining = limit;
  }

  boolean exhausted() {
    return remaining <= 0;
  }

  /** What is left; negative once overspent. */
  long remaining() {
    return remaining;
  }

  void charge(long bytes) {
    remaining -= bytes;
  }

  /** Charges an int as the codec writes it. */
  void chargeInt(long value) {
    remaining -= value >= 0 && value < 0x80 ? 1 : value >= -0x8000 && value < 0x8000 ? 3 : 5;
  }

  /** Charges a name that goes to the string table: its text the first time, an index each time. */
  void chargeName(String name) {
    long firstUse = name == null ? -1 : names.firstUse(name, dump);
    if (firstUse >= 0) {
      remaining -= firstUse + PREFIX;
      tableSize++;
    }
    chargeInt(tableSize);
  }

  /** Charges literal text: one byte a character plus a length prefix (UTF-8, mostly ASCII). */
  void chargeText(int characters) {
    remaining -= characters + SMALL;
  }

  /**
   * {@code text}, charged; cut, with {@code " <truncated> N more characters"} appended, to at most
   * an eighth of the whole budget and to what is left of it.
   *
   * @return {@code null} for {@code null}
   */
  String text(String text) {
    if (text == null) {
      return null;
    }
    long allowed = Math.max(0, Math.min(limit / 8, remaining));
    int end = fittingPrefix(text, allowed);
    String kept = end == text.length()
        ? text
        : text.substring(0, end) + CUT_MARKER + (text.length() - end) + " more characters";
    remaining -= encodedLength(kept) + PREFIX;
    return kept;
  }

  /** How many leading chars of {@code text} encode in {@code bytes}, never splitting a surrogate pair. */
  private static int fittingPrefix(String text, long bytes) {
    int n = text.length();
    if (3L * n <= bytes) {
      return n; // no char takes more than 3 bytes (a surrogate pair 4 for 2 chars): all of it fits
    }
    long used = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
      used += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      if (used > bytes) {
        return i;
      }
      if (pair) {
        i++;
      }
    }
    return n;
  }

  /** Bytes the codec writes for {@code text}, without its length prefix. */
  static long encodedLength(String text) {
    int n = text.length();
    int ascii = 0;
    while (ascii < n && text.charAt(ascii) < 0x80) {
      ascii++;
    }
    return ascii == n ? n : encodedLength(text, ascii);
  }

  /** {@link #encodedLength(String)} of {@code text} whose first {@code from} chars are ASCII. */
  private static long encodedLength(String text, int from) {
    long utf8 = from;
    for (int i = from, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        utf8 += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        return 2L * n; // a lone surrogate: the codec stores the whole text as UTF-16
      } else {
        utf8 += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
    }
    return utf8;
  }
}
