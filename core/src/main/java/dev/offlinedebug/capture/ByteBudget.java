package dev.offlinedebug.capture;

import java.util.HashSet;
import java.util.Set;

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

  private final Set<String> names = new HashSet<>(256);
  private long remaining;

  ByteBudget(long bytes) {
    remaining = bytes;
  }

  boolean exhausted() {
    return remaining <= 0;
  }

  void charge(long bytes) {
    remaining -= bytes;
  }

  /** Charges a name that goes to the string table: its text the first time, an index after. */
  void chargeName(String name) {
    if (name != null && names.add(name)) {
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
