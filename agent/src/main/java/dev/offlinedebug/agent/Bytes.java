package dev.offlinedebug.agent;

import java.util.Arrays;

/** A growing byte array: ASM's {@code ByteVector} does not hand its bytes out. */
final class Bytes {
  byte[] data;
  int length;

  Bytes() {
    this(32);
  }

  Bytes(int capacity) {
    data = new byte[capacity];
  }

  Bytes put1(int value) {
    ensure(1);
    data[length++] = (byte) value;
    return this;
  }

  Bytes put2(int value) {
    ensure(2);
    data[length++] = (byte) (value >>> 8);
    data[length++] = (byte) value;
    return this;
  }

  Bytes put4(int value) {
    return put2(value >>> 16).put2(value);
  }

  Bytes put(byte[] bytes, int offset, int count) {
    ensure(count);
    System.arraycopy(bytes, offset, data, length, count);
    length += count;
    return this;
  }

  Bytes put(Bytes bytes) {
    return put(bytes.data, 0, bytes.length);
  }

  /** The bytes written, without a copy when they fill the array. */
  byte[] toArray() {
    return length == data.length ? data : Arrays.copyOf(data, length);
  }

  private void ensure(int more) {
    if (length + more > data.length) {
      data = Arrays.copyOf(data, Math.max(2 * data.length, length + more));
    }
  }
}
