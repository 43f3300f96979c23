package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The summary of one store file, {@code <key>.odsum}: for each of its records, in file order, what a
 * listing folds of it ({@link SummaryFold}), so that a listing reads one small file per store file
 * instead of decoding every dump (and, for a bucket, one small object instead of downloading every
 * store file). The writer appends an entry after each record it appends ({@link SummaryFile}); the
 * uploader ships the summary after its store file.
 *
 * <p>Format, big-endian: the magic {@code ODS1}, then per record an entry {@code int n}, {@code n}
 * bytes of payload and the payload's CRC32C. Payload: the record's {@code long offset} and {@code int
 * length}, a kind byte, then for a dump {@code long epochSecond, int nano}, and the texts level, type,
 * message, logger, thread and fingerprint; for an occurrence (kind 6) {@code long epochSecond, int
 * nano} and the text first ID; for a counter the text ID and {@code long count}; kind 4 is a dump
 * entry without the fingerprint, which is then the previous dump entry's; kind 5 a dump entry of time
 * and message only, its level, type, logger, thread and fingerprint being the previous dump entry's.
 * Kind 2, an occurrence without its time, was written before 0.2: such a summary is not used, the
 * store file is decoded (its records hold the times a listing shows as last seen). A text is {@code int} byte count ({@code -1}: null) and UTF-8 bytes. A
 * dump's ID is not stored: it is its store file's key and its offset.
 *
 * <p>Read back, a summary is untrusted: it is read only up to {@link #MAX_BYTES}, every length is
 * bounded, nothing it names is loaded, and anything damaged, or entries that do not tile the store
 * file from its start to exactly the object's size, make the reader scan the store file instead.
 */
final class StoreSummary {
  /** A summary this large is not read: the store file is scanned. About 30,000 dumps a file. */
  static final int MAX_BYTES = 8 << 20;
  /** Longer texts (a huge exception message) are not summarised: that store file is scanned. */
  static final int MAX_TEXT = 64 << 10;
  static final byte[] MAGIC = {'O', 'D', 'S', '1'};
  private static final int MAX_PAYLOAD = 6 * (4 + MAX_TEXT) + 64;
  private static final byte DUMP = 1;
  /** An occurrence entry without its time, as written before 0.2. */
  private static final byte OCCURRENCE_UNTIMED = 2;
  private static final byte COUNTER = 3;
  /** A dump entry without its fingerprint: the same as the previous dump entry's. */
  private static final byte DUMP_SAME_FINGERPRINT = 4;
  /**
   * A dump entry of its time and message only: the same failure again from the same logger and
   * thread as the previous dump entry, what a burst of one failure writes.
   */
  private static final byte DUMP_SAME_SOURCE = 5;
  private static final byte OCCURRENCE = 6;

  private StoreSummary() {}

  /**
   * The fields of a dump record's entry, {@code fingerprint} in UTF-8; a text too long makes the
   * record one not summarised. A fingerprint that is the very array of the summary's previous dump
   * entry ({@link LastFingerprint} hands out the same one while the failure repeats) is not written
   * again: in a burst of one failure it would be most of the summary; nor are the level, type,
   * logger and thread when they are the previous dump entry's too.
   */
  static Fields dump(Instant time, String level, String type, String message, String logger, String thread,
      byte[] fingerprint) {
    return new DumpFields(time, level, type, message, logger, thread, fingerprint);
  }

  record DumpFields(Instant time, String level, String type, String message, String logger, String thread,
      byte[] fingerprint) implements Fields {
    @Override
    public boolean put(ByteBuffer out, DumpFields previous) {
      boolean repeated = previous != null && fingerprint == previous.fingerprint;
      if (repeated && Objects.equals(level, previous.level) && Objects.equals(type, previous.type)
          && Objects.equals(logger, previous.logger) && Objects.equals(thread, previous.thread)) {
        out.put(DUMP_SAME_SOURCE).putLong(time.getEpochSecond()).putInt(time.getNano());
        return putText(out, message);
      }
      out.put(repeated ? DUMP_SAME_FINGERPRINT : DUMP).putLong(time.getEpochSecond()).putInt(time.getNano());
      return putText(out, level) && putText(out, type) && putText(out, message) && putText(out, logger)
          && putText(out, thread) && (repeated || putBytes(out, fingerprint));
    }

    @Override
    public DumpFields dump() {
      return this;
    }
  }

  /** The fields of an occurrence record's entry: one more of dump {@code firstId}, logged at {@code time}. */
  static Fields occurrence(String firstId, Instant time) {
    return (out, previous) -> putText(out.put(OCCURRENCE).putLong(time.getEpochSecond()).putInt(time.getNano()), firstId);
  }

  /** The fields of a counter record's entry: {@code count} more of dump {@code id}. */
  static Fields counter(String id, long count) {
    return (out, previous) -> {
      if (!putText(out.put(COUNTER), id)) {
        return false;
      }
      out.putLong(count);
      return true;
    };
  }

  /**
   * Puts {@code text} in UTF-8 with its length. ASCII, the usual case, is copied char by char into
   * {@code out}'s array: the logging thread encodes an entry per dump, and should not allocate a
   * copy of each text.
   */
  private static boolean putText(ByteBuffer out, String text) {
    if (text == null) {
      out.putInt(-1);
      return true;
    }
    int length = text.length();
    if (length > MAX_TEXT) {
      return false; // UTF-8 takes at least a byte per char
    }
    if (out.remaining() < 4 + length) {
      throw new BufferOverflowException();
    }
    byte[] array = out.array();
    int at = out.arrayOffset() + out.position() + 4;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return putBytes(out, text.getBytes(StandardCharsets.UTF_8));
      }
      array[at + i] = (byte) c;
    }
    out.putInt(length).position(out.position() + length);
    return true;
  }

  private static boolean putBytes(ByteBuffer out, byte[] bytes) {
    if (bytes.length > MAX_TEXT) {
      return false;
    }
    out.putInt(bytes.length).put(bytes);
    return true;
  }

  /**
   * Adds at {@code out}'s position (it has an array) the entry of the record of {@code length}
   * bytes at {@code offset}: length, payload (the record's place, then {@code fields}) and checksum.
   * Written in place: the logging thread adds one per record. {@code previous} is the summary's last
   * dump entry, or null.
   *
   * @return false, and {@code out} as it was, when the record cannot be summarised (a text too long)
   * @throws BufferOverflowException when the entry does not fit, {@code out} as it was
   */
  static boolean putEntry(ByteBuffer out, long offset, int length, Fields fields, DumpFields previous) {
    int start = out.position();
    try {
      out.putInt(0).putLong(offset).putInt(length);
      if (!fields.put(out, previous)) {
        out.position(start);
        return false;
      }
      int n = out.position() - start - 4;
      out.putInt(start, n);
      CRC32C crc = new CRC32C();
      crc.update(out.array(), out.arrayOffset() + start + 4, n);
      out.putInt((int) crc.getValue());
      return true;
    } catch (BufferOverflowException e) {
      out.position(start);
      throw e;
    }
  }

  /**
   * What the store file {@code key} of {@code size} bytes adds to {@code fold}, a new one, from its
   * summary {@code bytes}: that fold; {@code null} when the summary is damaged or does not describe exactly those bytes (it
   * lags the object, or the writer stopped summarising), so the store file must be scanned. Entries
   * past {@code size} are ignored: the summary may have been uploaded after the file grew again.
   */
  static SummaryFold read(byte[] bytes, String key, long size, SummaryFold fold) {
    if (bytes.length > MAX_BYTES) {
      return null;
    }
    try {
      Prefix prefix = readPrefix(new Entries(ByteBuffer.wrap(bytes), null), key, size, fold);
      return prefix != null && prefix.covered() == size ? prefix.fold() : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array does not fail
    }
  }

  /**
   * What the records of store file {@code key} from its start up to {@link Prefix#covered()}, at
   * most {@code size}, add to {@code fold}, a new one, from its summary read from
   * {@code summary}: a summary lags
   * its store file by the entries still buffered. {@code null} when the summary is damaged. Read
   * entry by entry, so a summary of any size takes a buffer of one entry at most.
   */
  static Prefix readPrefix(ReadableByteChannel summary, String key, long size, SummaryFold fold) throws IOException {
    return readPrefix(new Entries(ByteBuffer.allocate(4 + MAX_PAYLOAD + 4).limit(0), summary), key, size, fold);
  }

  private static Prefix readPrefix(Entries in, String key, long size, SummaryFold fold) throws IOException {
    if (!in.fill(MAGIC.length) || !Arrays.equals(in.buffer.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    in.buffer.position(MAGIC.length);
    Map<String, String> texts = new HashMap<>();
    DumpSummary previous = null;
    long covered = 0;
    int records = 0;
    try {
      while (covered < size && in.fill(4)) {
        int n = in.buffer.getInt(in.buffer.position());
        if (n < 13 || n > MAX_PAYLOAD) {
          return null;
        }
        if (!in.fill(4 + n + 4)) {
          break; // torn tail: read while an entry was being appended
        }
        ByteBuffer payload = in.buffer.slice(in.buffer.position() + 4, n);
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        int stored = in.buffer.getInt(in.buffer.position() + 4 + n);
        in.buffer.position(in.buffer.position() + 4 + n + 4);
        if (stored != (int) crc.getValue()) {
          return null;
        }
        long offset = payload.getLong();
        int length = payload.getInt();
        if (offset != covered || length <= 0) {
          return null;
        }
        if (offset + length > size) {
          break;
        }
        previous = fold(payload, new DumpId(key, offset), fold, texts, previous);
        if (payload.hasRemaining()) {
          return null;
        }
        covered = offset + length;
        records++;
      }
    } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
      return null;
    }
    return new Prefix(fold, covered, records);
  }

  /**
   * What a summary says of the first {@code covered} bytes of its store file: {@code records}
   * records, folded into {@code fold}.
   */
  record Prefix(SummaryFold fold, long covered, int records) {}

  /**
   * A summary's bytes: all of them in {@code buffer} (a summary read as one object), or read from
   * {@code channel} into a buffer that holds the entry being read and is refilled past it.
   */
  private static final class Entries {
    final ByteBuffer buffer;
    private final ReadableByteChannel channel;
    private boolean ended;

    /** {@code buffer} holds what is read so far; {@code channel} the rest, or null when there is none. */
    Entries(ByteBuffer buffer, ReadableByteChannel channel) {
      this.buffer = buffer;
      this.channel = channel;
    }

    /** Whether {@code n} bytes are there from the buffer's position, reading more when not. */
    boolean fill(int n) throws IOException {
      if (buffer.remaining() >= n) {
        return true;
      }
      if (channel == null) {
        return false;
      }
      buffer.compact();
      while (buffer.position() < n && !ended) {
        ended = channel.read(buffer) < 0;
      }
      buffer.flip();
      return buffer.remaining() >= n;
    }
  }

  /**
   * Folds one entry's kind and fields, of the record {@code at}, {@code previous} being the previous
   * dump entry's line (null: none yet); the line the next entry may refer to.
   *
   * @throws IllegalArgumentException when the entry is not well-formed
   */
  private static DumpSummary fold(ByteBuffer in, DumpId at, SummaryFold fold, Map<String, String> texts,
      DumpSummary previous) {
    byte kind = in.get();
    String id = at.text();
    if (kind == DUMP || kind == DUMP_SAME_FINGERPRINT || kind == DUMP_SAME_SOURCE) {
      if (kind != DUMP && previous == null) {
        throw new IllegalArgumentException("a dump entry refers to no earlier one");
      }
      Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
      DumpSummary dump;
      if (kind == DUMP_SAME_SOURCE) {
        dump = new DumpSummary(id, time, previous.level(), previous.type(), text(in), previous.logger(),
            previous.thread(), previous.fingerprint(), 1);
      } else {
        // A listing holds a line per dump: the texts dumps repeat are held once.
        String level = shared(text(in), texts);
        String type = shared(text(in), texts);
        String message = text(in);
        String logger = shared(text(in), texts);
        String thread = shared(text(in), texts);
        String fingerprint = kind == DUMP ? shared(text(in), texts) : previous.fingerprint();
        if (type == null || thread == null || fingerprint == null) {
          throw new IllegalArgumentException("a dump entry without type, thread or fingerprint");
        }
        dump = new DumpSummary(id, time, level, type, message, logger, thread, fingerprint, 1);
      }
      fold.dump(dump);
      return dump;
    }
    if (kind == OCCURRENCE) {
      Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
      DumpId first = DumpId.parse(text(in));
      if (first == null) {
        throw new IllegalArgumentException("an occurrence of no dump ID");
      }
      fold.occurrence(first.text(), new OccurrenceId(first, at).text(), time, at.offset());
      return previous;
    }
    if (kind == OCCURRENCE_UNTIMED) {
      throw new IllegalArgumentException("an occurrence entry without its time, written before 0.2");
    }
    if (kind != COUNTER) {
      throw new IllegalArgumentException("entry kind " + kind);
    }
    String first = text(in);
    long count = in.getLong();
    if (DumpId.parse(first) == null || count < 0) {
      throw new IllegalArgumentException("a count of no dump ID, or a negative count");
    }
    fold.counted(first, count);
    return previous;
  }

  private static String shared(String text, Map<String, String> texts) {
    return text == null ? null : texts.computeIfAbsent(text, t -> t);
  }

  private static String text(ByteBuffer in) {
    int n = in.getInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_TEXT) {
      throw new IllegalArgumentException("text of " + n + " bytes");
    }
    byte[] bytes = new byte[n];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The kind and fields of an entry, written in place. */
  interface Fields {
    /**
     * Writes them at {@code out}'s position, {@code previous} being the summary's last dump entry
     * (null: none yet); false when the record cannot be summarised.
     */
    boolean put(ByteBuffer out, DumpFields previous);

    /** A dump entry's fields, which the entries after it may refer to; null for the other kinds. */
    default DumpFields dump() {
      return null;
    }
  }
}
