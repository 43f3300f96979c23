package dev.offlinedebug.capture;

import dev.offlinedebug.codec.StringTable;

/**
 * Estimates the encoded size of one dump while it is captured, so that capture stops at {@code
 * maxDumpBytes}. The estimate follows the codec's shape: a name repeated within a dump (class,
 * method, field, type) is stored once in the record's string table and costs a short index after.
 */
final class ByteBudget {
  /** An index into the string table, a tag, or a small number. */
  static final int SMALL = 2;
  /** A primitive value with its tag. */
  static final int SCALAR = 9;

  /**
   * One per thread, cleared per dump: a fresh hash set per dump cost more than the rest of the
   * estimate. A capture nested on the same thread would only make the estimate rougher.
   */
  private static final ThreadLocal<StringTable> NAMES = ThreadLocal.withInitial(StringTable::new);

  private final StringTable names = NAMES.get();
  private long remaining;

  ByteBudget(long bytes) {
    remaining = bytes;
    names.clear();
  }

  boolean exhausted() {
    return remaining <= 0;
  }

  void charge(long bytes) {
    remaining -= bytes;
  }

  /** Charges a name that goes to the string table: its text the first time, an index after. */
  void chargeName(String name) {
    int known = names.size();
    if (name != null && names.indexOf(name) == known) {
      remaining -= name.length() + SMALL;
    } else {
      remaining -= SMALL;
    }
  }

  /** Charges literal text: one byte a character plus a length prefix (UTF-8, mostly ASCII). */
  void chargeText(int characters) {
    remaining -= characters + SMALL;
  }
}
