package dev.offlinedebug.internal.codec;

/**
 * What the encoder writes through: the Chronicle Wire {@code BinaryWire} calls a record uses, one
 * method each. Production writes with {@link WireBuffer} (plain Java); the conformance tests replay
 * the same calls on Chronicle's own {@code BinaryWire} and compare the bytes.
 */
interface WireOutput {
  /** {@code wire.write(name)}: the next value belongs to field {@code name}. */
  void field(String name);

  /** {@code int32(value)}: Chronicle's smallest code for the number. */
  void int32(int value);

  /** {@code int64(value)}: Chronicle's smallest code for the number, a float32 when exact. */
  void int64(long value);

  /**
   * {@code value} in one byte when it is 0 to 127, which Chronicle reads as that number but never
   * writes itself; otherwise {@link #int32}. Most ints in a record are indexes and counts.
   */
  void smallInt(int value);

  /** {@code bool(value)}. */
  void bool(boolean value);

  /** {@code text(value)}: UTF-8 as Chronicle encodes it (a surrogate pair as two 3-byte units). */
  void text(String value);

  /**
   * A name of the record's string table, as {@link TextWriter#write} writes it. Names repeat from
   * record to record (class, method and file names), so an output may keep their encoded bytes.
   */
  default void name(String value) {
    TextWriter.write(this, value);
  }

  /** {@code bytes(value)}: a length-prefixed byte array. */
  void bytes(byte[] value);

  /** {@code fixedInt32(value)}: always the 4-byte form. */
  void fixedInt32(int value);

  /** Starts {@code sequence(...)}: the values up to {@link #endSequence} are its items. */
  void beginSequence();

  void endSequence();

  /** Starts {@code marshallable(...)}: the fields up to {@link #endMarshallable} are its fields. */
  void beginMarshallable();

  void endMarshallable();

  /** Appends everything written to {@code other}, an output of the same kind as this one. */
  void append(WireOutput other);
}
