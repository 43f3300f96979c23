package dev.offlinedebug.internal.codec;

import java.util.List;

/**
 * The record format's field names, in one place for the encoder, the decoder and the tests. A
 * record is one Chronicle Wire binary document; the comment on each name says what its value is.
 * Names are short ASCII and never start with a digit, so Chronicle writes each as {@code 0xC0 +
 * length} and its bytes ({@link WireBuffer} relies on that). Readers skip names they do not know,
 * and the string table ({@link #NAMES}) comes before every index into it.
 */
final class WireSchema {
  private WireSchema() {}

  // Document fields.
  /** int32: {@link DumpCodec#FORMAT_VERSION}. */
  static final String VERSION = "v";
  /** sequence of text: the string table from index 1 ({@code null} is index 0, not written). */
  static final String NAMES = "s";
  /** int64: seconds of the dump's time since the epoch. */
  static final String SECONDS = "ts";
  /** int32: nanoseconds within that second. */
  static final String NANOS = "tn";
  /** text: host name. */
  static final String HOST = "h";
  /** int64: process ID. */
  static final String PID = "p";
  /** text: JVM description. */
  static final String JVM = "j";
  /** text, optional: application name. */
  static final String APPLICATION = "a";
  /** text: thread name. */
  static final String THREAD_NAME = "tN";
  /** int64: thread ID. */
  static final String THREAD_ID = "tI";
  /** bool: whether the thread is a daemon. */
  static final String THREAD_DAEMON = "tD";
  /** int32: thread priority. */
  static final String THREAD_PRIORITY = "tP";
  /** text, optional: logger name. */
  static final String LOGGER = "lg";
  /** text, optional: level. */
  static final String LEVEL = "lv";
  /** text, optional: the log message (in a throwable: its message). */
  static final String MESSAGE = "m";
  /** sequence of text pairs, optional: MDC. */
  static final String MDC = "md";
  /** sequence of text, optional: marker names. */
  static final String MARKERS = "mk";
  /** sequence of text pairs, optional: extra attributes. */
  static final String ATTRIBUTES = "at";
  /** bool: whether locals were captured. */
  static final String LOCALS_CAPTURED = "lc";
  /**
   * sequence of small int pairs, optional: for each text value ({@link ValueKind#TEXT}) that holds a
   * throwable of the graph, its ordinal among the record's text values (from 0, in writing order)
   * and the throwable's index. Written before any value; a reader that skips it reads those values
   * as the texts they are.
   */
  static final String THROWABLE_LINKS = "xl";
  /** sequence of marshallables, one per throwable (the fields below); causes are indexes. */
  static final String THROWABLES = "x";
  /** text: the dump's ID, written last but for the checksum. */
  static final String ID = "id";
  /** text: in an occurrence record, the ID of the dump it counts for. */
  static final String COUNTED_ID = "oc";
  /** int64: in an occurrence record, how many occurrences it adds. */
  static final String COUNT = "on";
  /** text: in an occurrence record, the ID of the first dump it is stored against; right after {@link #VERSION}. */
  static final String FIRST_ID = "of";
  /** sequence, in an occurrence record: what differs from the first dump, as {@link OccurrenceChange}s. */
  static final String CHANGES = "od";
  /** fixed int32: CRC32C of every byte of the document before this field; always last. */
  static final String CHECKSUM = "z";

  // Throwable fields (inside a THROWABLES marshallable); MESSAGE is reused.
  /** small int: string table index of the type name. */
  static final String TYPE = "t";
  /** text, optional: {@code toString()} when it is not the default {@code type: message}. */
  static final String DESCRIPTION = "d";
  /** small int, optional: index of the cause. */
  static final String CAUSE = "c";
  /** sequence of small ints, optional: indexes of the suppressed throwables. */
  static final String SUPPRESSED = "s";
  /** sequence, optional: field name index and value ({@link ValueKind}) pairs. */
  static final String FIELDS = "o";
  /** sequence of small ints: class, method, file name indexes and line, per own frame. */
  static final String FRAMES = "f";
  /** sequence, optional: frame index, module, module version and class loader name indexes. */
  static final String FRAME_MODULES = "fm";
  /** sequence, optional: frame index, local count, then name index, type index, value per local. */
  static final String FRAME_LOCALS = "fv";
  /** small int, optional: the throwable whose last {@link #SHARED_COUNT} frames follow the own ones. */
  static final String SHARED_WITH = "fp";
  /** small int, optional: how many frames are shared with {@link #SHARED_WITH}. */
  static final String SHARED_COUNT = "fs";

  /** Every field name, for tests. */
  static final List<String> ALL = List.of(VERSION, NAMES, SECONDS, NANOS, HOST, PID, JVM, APPLICATION, THREAD_NAME,
      THREAD_ID, THREAD_DAEMON, THREAD_PRIORITY, LOGGER, LEVEL, MESSAGE, MDC, MARKERS, ATTRIBUTES, LOCALS_CAPTURED,
      THROWABLE_LINKS, THROWABLES, ID, COUNTED_ID, COUNT, FIRST_ID, CHANGES, CHECKSUM, TYPE, DESCRIPTION, CAUSE, SUPPRESSED, FIELDS, FRAMES,
      FRAME_MODULES, FRAME_LOCALS, SHARED_WITH, SHARED_COUNT);
}
