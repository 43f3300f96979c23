package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One store record being written: the 4-byte header and the payload in one reusable array, so a
 * store appends it with a single positioned write. Plain Java only: the write path must not load
 * Chronicle (see {@link WireBuffer}). Kept per thread; a buffer grown past {@link #KEEP_BYTES} by a
 * large dump is dropped after use, and a nested use on the same thread gets a fresh one.
 *
 * <p>A dump (or an occurrence) is encoded in two steps, so that a store can encode outside its lock and add the ID,
 * which depends on where the record lands, inside it: {@link #encodeDump} (or {@link
 * #encodeOccurrence}) then {@link #seal}.
 *
 * @since 0.1
 */
public final class RecordBuffer {
  /** The header: the payload length, little-endian, the not-complete bit clear. */
  public static final int HEADER_SIZE = RecordFrame.HEADER_SIZE;

  private static final int KEEP_BYTES = 256 * 1024;
  private static final int INITIAL_BYTES = 8 * 1024;
  private static final ThreadLocal<RecordBuffer> PER_THREAD = ThreadLocal.withInitial(() -> new RecordBuffer(true));

  private final WireBuffer record = new WireBuffer(INITIAL_BYTES);
  private final WireBuffer body = new WireBuffer(INITIAL_BYTES);
  private final DumpEncoder encoder = new DumpEncoder();
  private final CRC32C crc = new CRC32C();
  private final boolean kept;
  private boolean inUse;
  private int bodyEnd;

  private RecordBuffer(boolean kept) {
    this.kept = kept;
  }

  /** This thread's buffer, empty; a fresh one when it is in use already. Give it back with {@link #release}. */
  public static RecordBuffer take() {
    RecordBuffer buffer = PER_THREAD.get();
    if (buffer.inUse) {
      return new RecordBuffer(false);
    }
    buffer.inUse = true;
    return buffer;
  }

  /** Done with the record; its bytes may be overwritten by the next {@link #take}. */
  public void release() {
    inUse = false;
    if (kept && (record.capacity() > KEEP_BYTES || body.capacity() > KEEP_BYTES)) {
      PER_THREAD.remove();
    }
  }

  /** Encodes every field of {@code dump} but its ID; then call {@link #seal}. */
  public void encodeDump(Dump dump) {
    record.reset(HEADER_SIZE);
    body.reset(0);
    encoder.encode(dump, record, body);
    bodyEnd = record.position();
  }

  /**
   * Encodes a repeat of the failure dumped as {@code firstId} as an occurrence record: its logging
   * event and the values that differ from {@code baseline}, the first dump's; then call {@link
   * #seal}.
   *
   * @return {@code false}, encoding nothing, when {@code occurrence} has another shape than the
   *     first dump (other frames, another cause chain) and cannot be stored as differences
   */
  public boolean encodeOccurrence(OccurrenceBaseline baseline, String firstId, Dump occurrence) {
    List<OccurrenceChange> changes = baseline.changes(occurrence);
    if (changes == null) {
      return false;
    }
    record.reset(HEADER_SIZE);
    body.reset(0);
    encoder.encodeOccurrence(firstId, occurrence, changes, record, body);
    bodyEnd = record.position();
    return true;
  }

  /** Starts a dump record from a body {@link DumpCodec#encodeBody} returned. */
  public void body(byte[] encodedBody) {
    record.reset(HEADER_SIZE);
    record.append(encodedBody, 0, encodedBody.length);
    bodyEnd = record.position();
  }

  /** Bytes of header and payload so far. */
  public int length() {
    return record.position();
  }

  /**
   * Ends the dump record: the ID field, the checksum trailer and the header. May be called again
   * with another ID (a retry elsewhere), replacing the first.
   */
  public void seal(String id) {
    record.reset(bodyEnd);
    record.field(WireSchema.ID);
    TextWriter.write(record, id);
    finish();
  }

  /** Encodes a complete counter record adding {@code count} occurrences to dump {@code id}. */
  public void encodeOccurrences(String id, long count) {
    record.reset(HEADER_SIZE);
    record.field(WireSchema.VERSION);
    record.int32(DumpCodec.FORMAT_VERSION);
    record.field(WireSchema.COUNTED_ID);
    TextWriter.write(record, id);
    record.field(WireSchema.COUNT);
    record.int64(count);
    finish();
  }

  /** The CRC32C of the payload so far as the last field, then the header, both in place. */
  private void finish() {
    byte[] bytes = record.array();
    crc.reset();
    crc.update(bytes, HEADER_SIZE, record.position() - HEADER_SIZE);
    record.field(WireSchema.CHECKSUM);
    record.fixedInt32((int) crc.getValue());
    int payload = record.position() - HEADER_SIZE;
    if (payload > RecordFrame.MAX_PAYLOAD) {
      throw new IllegalStateException("record of " + payload + " bytes exceeds " + RecordFrame.MAX_PAYLOAD);
    }
    record.putIntLE(0, payload);
  }

  /** The sealed record, header and payload, as a buffer over this one's array (valid until reused). */
  public ByteBuffer record() {
    return ByteBuffer.wrap(record.array(), 0, record.position());
  }

  /** A copy of the payload (the record without its header). */
  public byte[] payload() {
    return Arrays.copyOfRange(record.array(), HEADER_SIZE, record.position());
  }

  /** A copy of the body: the payload so far, before {@link #seal}. */
  public byte[] bodyBytes() {
    return Arrays.copyOfRange(record.array(), HEADER_SIZE, bodyEnd);
  }
}
