package dev.offlinedebug.internal.codec;

/** The numeric codes of value kinds and primitive boxes in a record: part of the format. */
final class ValueKind {
  private ValueKind() {}

  static final int NULL = 0;
  static final int PRIMITIVE = 1;
  static final int STRING = 2;
  static final int TEXT = 3;
  static final int OBJECT = 4;
  static final int ARRAY = 5;
  static final int MAP = 6;
  static final int REF = 7;
  static final int OMITTED = 8;

  static final int BOOLEAN = 0;
  static final int BYTE = 1;
  static final int SHORT = 2;
  static final int CHAR = 3;
  static final int INT = 4;
  static final int LONG = 5;
  static final int FLOAT = 6;
  static final int DOUBLE = 7;
  static final int UNKNOWN_BOX = 8;

  /** Deepest value nesting written or read; deeper input is corrupt, never a stack overflow. */
  static final int MAX_NESTING = 200;
}
