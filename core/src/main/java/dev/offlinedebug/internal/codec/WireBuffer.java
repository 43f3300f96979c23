package dev.offlinedebug.internal.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes Chronicle Wire's binary format into a growable, reusable {@code byte[]} with plain Java:
 * the same bytes Chronicle's {@code BinaryWire} writes for the same calls (the conformance tests
 * compare them), without loading Chronicle, which logs into the host's log, starts a thread and
 * needs {@code sun.misc.Unsafe}. Codes are Chronicle's {@code BinaryWireCode}; numbers are
 * little-endian. Not thread-safe.
 */
final class WireBuffer implements WireOutput {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int BYTES_LENGTH8 = 0x80;
  private static final int BYTES_LENGTH16 = 0x81;
  private static final int BYTES_LENGTH32 = 0x82;
  private static final int U8_ARRAY = 0x8A;
  private static final int FLOAT32 = 0x90;
  private static final int UINT8 = 0xA1;
  private static final int UINT16 = 0xA2;
  private static final int UINT32 = 0xA3;
  private static final int INT8 = 0xA4;
  private static final int INT16 = 0xA5;
  private static final int INT32 = 0xA6;
  private static final int INT64 = 0xA7;
  private static final int FALSE = 0xB0;
  private static final int TRUE = 0xB1;
  private static final int STRING_ANY = 0xB8;
  private static final int NULL = 0xBB;
  private static final int FIELD_NAME0 = 0xC0;
  private static final int STRING_0 = 0xE0;
  private static final int SHORT_LIMIT = 0x20;

  private byte[] bytes;
  private int position;
  /** Scratch for the chars of the string being written. */
  private char[] chars = new char[256];
  /** Where the length of each open sequence or marshallable goes. */
  private int[] open = new int[8];
  private int depth;
  /** The names written by {@link #name} lately, with their encoded bytes; made on first use. */
  private NameCache<byte[]> names;

  WireBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  byte[] array() {
    return bytes;
  }

  int position() {
    return position;
  }

  /** Moves the write position back to {@code position} (at most the current one), closing nothing. */
  void reset(int position) {
    this.position = position;
    depth = 0;
  }

  @Override
  public void append(WireOutput other) {
    WireBuffer buffer = (WireBuffer) other;
    append(buffer.bytes, 0, buffer.position);
  }

  void append(byte[] from, int offset, int length) {
    ensure(length);
    System.arraycopy(from, offset, bytes, position, length);
    position += length;
  }

  void putIntLE(int index, int value) {
    INT.set(bytes, index, value);
  }

  int capacity() {
    return bytes.length;
  }

  @Override
  public void field(String name) {
    int length = name.length();
    ensure(1 + length);
    bytes[position++] = (byte) (FIELD_NAME0 + length);
    for (int i = 0; i < length; i++) {
      bytes[position++] = (byte) name.charAt(i);
    }
  }

  @Override
  public void int32(int value) {
    ensure(5);
    if (value < 0) {
      if (value >= Byte.MIN_VALUE) {
        code8(INT8, value);
      } else if (value >= Short.MIN_VALUE) {
        code16(INT16, value);
      } else {
        code32(INT32, value);
      }
    } else {
      unsigned(value);
    }
  }

  /** Chronicle's choice for a non-negative number below 2^31. */
  private void unsigned(int value) {
    if (value <= 0xFF) {
      code8(UINT8, value);
    } else if (value <= Short.MAX_VALUE) {
      code16(INT16, value);
    } else if (value <= 0xFFFF) {
      code16(UINT16, value);
    } else {
      code32(INT32, value);
    }
  }

  @Override
  public void int64(long value) {
    ensure(9);
    if (value >= 0 && value <= Integer.MAX_VALUE) {
      unsigned((int) value);
    } else if (value < 0 && value >= Integer.MIN_VALUE) {
      int32((int) value);
    } else if (value > 0 && value <= 0xFFFF_FFFFL) {
      code32(UINT32, (int) value);
    } else if ((long) (float) value == value) {
      // Chronicle writes a long that a float holds exactly (saturation included) as a float32.
      code32(FLOAT32, Float.floatToRawIntBits((float) value));
    } else {
      bytes[position] = (byte) INT64;
      LONG.set(bytes, position + 1, value);
      position += 9;
    }
  }

  @Override
  public void smallInt(int value) {
    if (value >= 0 && value < 0x80) {
      ensure(1);
      bytes[position++] = (byte) value;
    } else {
      int32(value);
    }
  }

  @Override
  public void bool(boolean value) {
    ensure(1);
    bytes[position++] = (byte) (value ? TRUE : FALSE);
  }

  @Override
  public void fixedInt32(int value) {
    ensure(5);
    code32(INT32, value);
  }

  @Override
  public void bytes(byte[] value) {
    int length = value.length + 1;
    ensure(6 + value.length);
    if (length < 0x100) {
      code8(BYTES_LENGTH8, length);
    } else if (length < 0x10000) {
      code16(BYTES_LENGTH16, length);
    } else {
      code32(BYTES_LENGTH32, length);
    }
    bytes[position++] = (byte) U8_ARRAY;
    System.arraycopy(value, 0, bytes, position, value.length);
    position += value.length;
  }

  /**
   * As {@link TextWriter#write}, copying the bytes written for an equal name before: the names of
   * a store's records are mostly the same class, method and file names, dump after dump.
   */
  @Override
  public void name(String value) {
    if (value == null || value.length() > NameCache.MAX_LENGTH) {
      TextWriter.write(this, value);
      return;
    }
    if (names == null) {
      names = new NameCache<>();
    }
    byte[] encoded = names.get(value);
    if (encoded != null) {
      append(encoded, 0, encoded.length);
      return;
    }
    int start = position;
    TextWriter.write(this, value);
    names.put(value, Arrays.copyOfRange(bytes, start, position));
  }

  /**
   * Chronicle's {@code text}: {@code STRING_0 + n} and the bytes when the UTF-8 length n is below
   * 32, else {@code STRING_ANY}, n as a stop-bit number and the bytes. The bytes are written where
   * they go for the length guessed from the char count, and moved when the guess was wrong.
   */
  @Override
  public void text(String value) {
    if (value == null) {
      ensure(1);
      bytes[position++] = (byte) NULL;
      return;
    }
    int chars = value.length();
    ensure(6 + 3 * chars);
    int guessed = headerSize(chars);
    int start = position + guessed;
    int length = encode(value, start) - start;
    int header = headerSize(length);
    if (header != guessed) {
      System.arraycopy(bytes, start, bytes, position + header, length);
    }
    if (length < SHORT_LIMIT) {
      bytes[position] = (byte) (STRING_0 + length);
    } else {
      bytes[position] = (byte) STRING_ANY;
      stopBit(position + 1, length);
    }
    position += header + length;
  }

  private static int headerSize(int utf8Length) {
    if (utf8Length < SHORT_LIMIT) {
      return 1;
    }
    return 1 + (31 - Integer.numberOfLeadingZeros(utf8Length)) / 7 + 1;
  }

  private void stopBit(int at, int value) {
    while ((value & ~0x7F) != 0) {
      bytes[at++] = (byte) (value & 0x7F | 0x80);
      value >>>= 7;
    }
    bytes[at] = (byte) value;
  }

  /**
   * UTF-8 as Chronicle's {@code appendUtf8} writes it: each char alone, surrogates as 3 bytes. The
   * chars are copied out in bulk first; an ASCII string (most of a dump) then takes one branch-free
   * pass.
   */
  private int encode(String value, int at) {
    int n = value.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    char[] c = chars;
    value.getChars(0, n, c, 0);
    byte[] b = bytes;
    int all = 0;
    for (int i = 0; i < n; i++) {
      all |= c[i];
      b[at + i] = (byte) c[i];
    }
    if (all < 0x80) {
      return at + n;
    }
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      if (ch < 0x80) {
        b[at++] = (byte) ch;
      } else if (ch < 0x800) {
        b[at++] = (byte) (0xC0 | ch >> 6);
        b[at++] = (byte) (0x80 | ch & 0x3F);
      } else {
        b[at++] = (byte) (0xE0 | ch >> 12);
        b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | ch & 0x3F);
      }
    }
    return at;
  }

  @Override
  public void beginSequence() {
    openLength();
  }

  @Override
  public void endSequence() {
    closeLength();
  }

  @Override
  public void beginMarshallable() {
    openLength();
  }

  @Override
  public void endMarshallable() {
    closeLength();
  }

  /** Both are {@code BYTES_LENGTH32} and a length filled in when they end. */
  private void openLength() {
    ensure(5);
    bytes[position] = (byte) BYTES_LENGTH32;
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = position + 1;
    position += 5;
  }

  private void closeLength() {
    int at = open[--depth];
    INT.set(bytes, at, position - at - 4);
  }

  private void code8(int code, int value) {
    bytes[position] = (byte) code;
    bytes[position + 1] = (byte) value;
    position += 2;
  }

  private void code16(int code, int value) {
    bytes[position] = (byte) code;
    SHORT.set(bytes, position + 1, (short) value);
    position += 3;
  }

  private void code32(int code, int value) {
    bytes[position] = (byte) code;
    INT.set(bytes, position + 1, value);
    position += 5;
  }

  private void ensure(int more) {
    if (more > bytes.length - position) {
      long needed = (long) position + more;
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("record larger than 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
    }
  }
}
