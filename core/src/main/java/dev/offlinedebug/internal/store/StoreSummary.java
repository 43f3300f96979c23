package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpSummary;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The summary of one store file, {@code <key>.odsum}: for each of its records, in file order, what a
 * listing folds of it ({@link SummaryFold}), so that listing a bucket reads one small object per
 * store file instead of every dump. The writer appends an entry after each record it appends
 * ({@link SummaryFile}); the uploader ships the summary after its store file.
 *
 * <p>Format, big-endian: the magic {@code ODS1}, then per record an entry {@code int n}, {@code n}
 * bytes of payload and the payload's CRC32C. Payload: the record's {@code long offset} and {@code int
 * length}, a kind byte, then for a dump {@code long epochSecond, int nano}, and the texts level, type,
 * message, logger, thread and fingerprint; for an occurrence the text first ID; for a counter the text
 * ID and {@code long count}. A text is {@code int} byte count ({@code -1}: null) and UTF-8 bytes. A
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
  private static final byte OCCURRENCE = 2;
  private static final byte COUNTER = 3;

  private StoreSummary() {}

  /**
   * The fields of a dump record's entry, {@code fingerprint} in UTF-8; a text too long makes the
   * record one not summarised.
   */
  static Fields dump(Instant time, String level, String type, String message, String logger, String thread,
      byte[] fingerprint) {
    return out -> {
      out.put(DUMP).putLong(time.getEpochSecond()).putInt(time.getNano());
      return putText(out, level) && putText(out, type) && putText(out, message) && putText(out, logger)
          && putText(out, thread) && putBytes(out, fingerprint);
    };
  }

  /** The fields of an occurrence record's entry: one more of dump {@code firstId}. */
  static Fields occurrence(String firstId) {
    return out -> putText(out.put(OCCURRENCE), firstId);
  }

  /** The fields of a counter record's entry: {@code count} more of dump {@code id}. */
  static Fields counter(String id, long count) {
    return out -> {
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
   * Written in place: the logging thread adds one per record.
   *
   * @return false, and {@code out} as it was, when the record cannot be summarised (a text too long)
   * @throws BufferOverflowException when the entry does not fit, {@code out} as it was
   */
  static boolean putEntry(ByteBuffer out, long offset, int length, Fields fields) {
    int start = out.position();
    try {
      out.putInt(0).putLong(offset).putInt(length);
      if (!fields.put(out)) {
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
   * What the store file {@code key} of {@code size} bytes adds to a listing, from its summary {@code
   * bytes}; {@code null} when the summary is damaged or does not describe exactly those bytes (it
   * lags the object, or the writer stopped summarising), so the store file must be scanned. Entries
   * past {@code size} are ignored: the summary may have been uploaded after the file grew again.
   */
  static SummaryFold read(byte[] bytes, String key, long size) {
    if (bytes.length > MAX_BYTES || bytes.length < MAGIC.length
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    SummaryFold fold = new SummaryFold();
    ByteBuffer in = ByteBuffer.wrap(bytes).position(MAGIC.length);
    long covered = 0;
    try {
      while (covered < size && in.remaining() >= 4) {
        int n = in.getInt();
        if (n < 13 || n > MAX_PAYLOAD) {
          return null;
        }
        if (in.remaining() < n + 4) {
          break; // torn tail: uploaded while an entry was being appended
        }
        ByteBuffer payload = in.slice(in.position(), n);
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        in.position(in.position() + n);
        if (in.getInt() != (int) crc.getValue()) {
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
        if (!fold(payload, new DumpId(key, offset).text(), fold) || payload.hasRemaining()) {
          return null;
        }
        covered = offset + length;
      }
    } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
      return null;
    }
    return covered == size ? fold : null;
  }

  /** Folds one entry's kind and fields; whether they are well-formed. */
  private static boolean fold(ByteBuffer in, String id, SummaryFold fold) {
    byte kind = in.get();
    if (kind == DUMP) {
      Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
      String level = text(in);
      String type = text(in);
      String message = text(in);
      String logger = text(in);
      String thread = text(in);
      String fingerprint = text(in);
      if (type == null || thread == null || fingerprint == null) {
        return false;
      }
      fold.dump(new DumpSummary(id, time, level, type, message, logger, thread, fingerprint, 1));
      return true;
    }
    if (kind != OCCURRENCE && kind != COUNTER) {
      return false;
    }
    String first = text(in);
    long count = kind == COUNTER ? in.getLong() : 1;
    if (DumpId.parse(first) == null || count < 0) {
      return false;
    }
    fold.repeats(first, count);
    return true;
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
    /** Writes them at {@code out}'s position; false when the record cannot be summarised. */
    boolean put(ByteBuffer out);
  }
}
