package dev.offlinedebug.codec;

import net.openhft.chronicle.wire.ValueOut;

/**
 * Writes an int in one byte when it is 0 to 127: Chronicle's binary wire reads a code byte below
 * {@code 0x80} as that small number, but its writer always spends a type code on it. Most ints in a
 * dump are string-table indexes, counts and kinds, so this makes a dump about a third smaller.
 */
final class SmallInts {
  private SmallInts() {}

  static void write(ValueOut out, int value) {
    if (value >= 0 && value < 0x80) {
      out.wireOut().bytes().writeUnsignedByte(value);
    } else {
      out.int32(value);
    }
  }
}
