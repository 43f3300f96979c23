package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Summaries as the writer writes them fold as the scan folds the records; summaries as anyone could
 * write them into a bucket are refused (null: the store file is scanned) without large allocations.
 */
class StoreSummaryTest {
  private static final String KEY = "0mx4e5ljz-oag9vp";
  private static final String FIRST = new DumpId(KEY, 0).text();
  private static final DumpSummary DUMP = new DumpSummary("ignored", Instant.parse("2026-12-01T10:15:30.123456789Z"),
      "ERROR", "java.lang.IllegalStateException", "d\u00e9j\u00e0 vu \u001b[2J", null, "main",
      "java.lang.IllegalStateException@a.B.c:1", 1);

  @Test
  void read_dumpsOccurrencesAndCounters_foldedAsTheScanFolds() {
    Instant later = DUMP.time().plusMillis(2500);
    byte[] summary = summary(entry(0, 100, dump(DUMP)), entry(100, 50, StoreSummary.occurrence(FIRST, later)),
        entry(150, 30, StoreSummary.counter(FIRST, 5)), entry(180, 100, dump(DUMP)),
        entry(280, 50, StoreSummary.occurrence(FIRST, DUMP.time().plusSeconds(1))));
    List<DumpSummary> listed = StoreSummary.read(summary, KEY, 330, new SummaryFold()).summaries();
    DumpSummary first = withId(FIRST, 8);
    // Last seen is the latest occurrence's, not the last one written; a counter has no time.
    DumpSummary lastSeen = new DumpSummary(FIRST, first.time(), first.level(), first.type(), first.message(),
        first.logger(), first.thread(), first.fingerprint(), 8, later, FIRST + ".2s");
    assertEquals(List.of(lastSeen, withId(new DumpId(KEY, 180).text(), 1)), listed);
  }

  @Test
  void read_occurrenceWithoutItsTime_nullSoTheStoreFileIsDecoded() {
    // The occurrence entry written before 0.2: kind 2 and the first ID, no time.
    byte[] firstId = FIRST.getBytes(StandardCharsets.UTF_8);
    StoreSummary.Fields untimed = (out, previous) -> {
      out.put((byte) 2).putInt(firstId.length).put(firstId);
      return true;
    };
    assertNull(StoreSummary.read(summary(entry(0, 100, dump(DUMP)), entry(100, 50, untimed)), KEY, 150, new SummaryFold()));
    assertNotNull(StoreSummary.read(summary(entry(0, 100, dump(DUMP)), entry(100, 50, occurrence())), KEY, 150, new SummaryFold()));
  }

  @Test
  void read_fingerprintRepeated_writtenOnceAndReadBackForEachDump() {
    byte[] fingerprint = DUMP.fingerprint().getBytes(StandardCharsets.UTF_8);
    StoreSummary.Fields first = StoreSummary.dump(DUMP.time(), DUMP.level(), DUMP.type(), DUMP.message(), DUMP.logger(),
        DUMP.thread(), fingerprint);
    StoreSummary.Fields otherThread = StoreSummary.dump(DUMP.time(), DUMP.level(), DUMP.type(), DUMP.message(),
        DUMP.logger(), "worker", fingerprint);
    StoreSummary.Fields again = StoreSummary.dump(DUMP.time().plusSeconds(1), DUMP.level(), DUMP.type(), "again",
        DUMP.logger(), "worker", fingerprint);
    byte[] firstEntry = entry(0, 100, first);
    byte[] sameFingerprint = entry(150, 100, otherThread, first.dump());
    byte[] sameSource = entry(250, 100, again, otherThread.dump());
    int threadDifference = "worker".length() - DUMP.thread().length();
    assertEquals(firstEntry.length - 4 - fingerprint.length + threadDifference, sameFingerprint.length,
        "the fingerprint is not written again");
    assertEquals(4 + 8 + 4 + 1 + 12 + 4 + "again".length() + 4, sameSource.length, "only the time and message");

    byte[] summary = summary(firstEntry, entry(100, 50, occurrence(), first.dump()), sameFingerprint,
        sameSource);
    DumpSummary worker = new DumpSummary(new DumpId(KEY, 150).text(), DUMP.time(), DUMP.level(), DUMP.type(),
        DUMP.message(), DUMP.logger(), "worker", DUMP.fingerprint(), 1);
    DumpSummary later = new DumpSummary(new DumpId(KEY, 250).text(), DUMP.time().plusSeconds(1), DUMP.level(),
        DUMP.type(), "again", DUMP.logger(), "worker", DUMP.fingerprint(), 1);
    assertEquals(List.of(withId(FIRST, 2), worker, later), StoreSummary.read(summary, KEY, 350, new SummaryFold()).summaries());
    // With no dump entry before it, a repeated fingerprint or source refers to nothing: damage.
    assertNull(StoreSummary.read(summary(entry(0, 100, otherThread, first.dump())), KEY, 100, new SummaryFold()));
    assertNull(StoreSummary.read(summary(entry(0, 100, again, otherThread.dump())), KEY, 100, new SummaryFold()));
  }

  @Test
  void read_entriesPastTheObject_ignored() {
    byte[] summary = summary(entry(0, 100, dump(DUMP)), entry(100, 50, occurrence()),
        entry(150, 30, StoreSummary.counter(FIRST, 5)));
    assertEquals(List.of(withId(FIRST, 2)), StoreSummary.read(summary, KEY, 150, new SummaryFold()).summaries());
    assertEquals(List.of(), StoreSummary.read(summary, KEY, 0, new SummaryFold()).summaries());
    // A torn last entry (uploaded mid-append) past the object's bytes does not matter either.
    assertNotNull(StoreSummary.read(Arrays.copyOf(summary, summary.length - 3), KEY, 150, new SummaryFold()));
  }

  @Test
  void read_describesFewerBytesOrEndsMidRecord_null() {
    byte[] summary = summary(entry(0, 100, dump(DUMP)), entry(100, 50, occurrence()));
    assertNull(StoreSummary.read(summary, KEY, 151, new SummaryFold()));
    assertNull(StoreSummary.read(summary, KEY, 120, new SummaryFold()));
    assertNull(StoreSummary.read(Arrays.copyOf(summary, summary.length - 3), KEY, 150, new SummaryFold()));
  }

  @Test
  void read_damaged_null() {
    byte[] good = summary(entry(0, 100, dump(DUMP)), entry(100, 50, occurrence()));
    byte[] flipped = good.clone();
    flipped[20] ^= 1;
    byte[] badMagic = good.clone();
    badMagic[3] = '2';
    assertNull(StoreSummary.read(flipped, KEY, 150, new SummaryFold()));
    assertNull(StoreSummary.read(badMagic, KEY, 150, new SummaryFold()));
    assertNull(StoreSummary.read(new byte[0], KEY, 0, new SummaryFold()));
    assertNull(StoreSummary.read(Arrays.copyOf(good, StoreSummary.MAX_BYTES + 1), KEY, 150, new SummaryFold()));
    // A gap between records, a record of no bytes.
    assertNull(StoreSummary.read(summary(entry(0, 100, dump(DUMP)), entry(120, 30,
        occurrence())), KEY, 150, new SummaryFold()));
    assertNull(StoreSummary.read(summary(entry(0, 0, occurrence())), KEY, 1, new SummaryFold()));
  }

  @Test
  void read_hostileFields_nullWithoutAllocating() {
    int tooLong = StoreSummary.MAX_TEXT + 1;
    for (byte[] fields : List.of(
        fields(1, 0L, 0, tooLong), // a text longer than any summary holds
        fields(1, 0L, 0, Integer.MAX_VALUE),
        fields(1, 0L, 0, -2),
        fields(1, Long.MAX_VALUE, 0, -1, -1, -1, -1, -1, -1), // no such instant
        fields(1, 0L, 0, -1, -1, -1, -1, -1, -1), // no type, thread or fingerprint
        fields(9), // unknown kind
        fields(3, 5, 'a', 'b', 'c', 'd', 'e', 1L), // a counter of something that is no dump ID
        concat(bytes(StoreSummary.counter(FIRST, 1)), new byte[] {0}), // bytes left over
        patchCount(bytes(StoreSummary.counter(FIRST, 1)), -5))) {
      assertNull(StoreSummary.read(summary(entry(0, 10, (out, previous) -> out.put(fields) != null)), KEY, 10, new SummaryFold()),
          Arrays.toString(fields));
    }
    ByteBuffer huge = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0);
    assertNull(StoreSummary.read(concat(StoreSummary.MAGIC, huge.array()), KEY, 10, new SummaryFold()));
    ByteBuffer negative = ByteBuffer.allocate(8).putInt(-1).putInt(0);
    assertNull(StoreSummary.read(concat(StoreSummary.MAGIC, negative.array()), KEY, 10, new SummaryFold()));
  }

  @Test
  void dump_textTooLong_notSummarised() {
    DumpSummary huge = new DumpSummary("x", DUMP.time(), null, "T", "m".repeat(StoreSummary.MAX_TEXT + 1), null, "main",
        "T@", 1);
    ByteBuffer out = ByteBuffer.allocate(2 * StoreSummary.MAX_TEXT).put((byte) 7);
    assertFalse(StoreSummary.putEntry(out, 0, 10, dump(huge), null));
    assertEquals(1, out.position());
  }

  @Test
  void putEntry_noRoom_throwsAndLeavesTheBufferAsItWas() {
    ByteBuffer out = ByteBuffer.allocate(40).put((byte) 7);
    assertThrows(BufferOverflowException.class, () -> StoreSummary.putEntry(out, 0, 10, dump(DUMP), null));
    assertEquals(1, out.position());
  }

  /** The entry fields the writer puts for a dump with the line {@code summary}. */
  private static StoreSummary.Fields dump(DumpSummary summary) {
    return StoreSummary.dump(summary.time(), summary.level(), summary.type(), summary.message(), summary.logger(),
        summary.thread(), summary.fingerprint().getBytes(StandardCharsets.UTF_8));
  }

  /** An occurrence of {@code FIRST} logged when it was: it leaves the first dump's last seen as it is. */
  private static StoreSummary.Fields occurrence() {
    return StoreSummary.occurrence(FIRST, DUMP.time());
  }

  private static DumpSummary withId(String id, long occurrences) {
    return new DumpSummary(id, DUMP.time(), DUMP.level(), DUMP.type(), DUMP.message(), DUMP.logger(), DUMP.thread(),
        DUMP.fingerprint(), occurrences);
  }

  private static byte[] entry(long offset, int length, StoreSummary.Fields fields) {
    return entry(offset, length, fields, null);
  }

  /** The entry after one whose fingerprint was {@code previous}. */
  private static byte[] entry(long offset, int length, StoreSummary.Fields fields, StoreSummary.DumpFields previous) {
    ByteBuffer entry = ByteBuffer.allocate(4096);
    assertTrue(StoreSummary.putEntry(entry, offset, length, fields, previous));
    return Arrays.copyOf(entry.array(), entry.position());
  }

  private static byte[] bytes(StoreSummary.Fields fields) {
    ByteBuffer out = ByteBuffer.allocate(4096);
    assertTrue(fields.put(out, null));
    return Arrays.copyOf(out.array(), out.position());
  }

  private static byte[] summary(byte[]... entries) {
    byte[] all = StoreSummary.MAGIC;
    for (byte[] entry : entries) {
      all = concat(all, entry);
    }
    return all;
  }

  /** A kind byte, then ints, longs and chars (as single bytes), big-endian. */
  private static byte[] fields(int kind, Object... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(kind);
    for (Object value : values) {
      ByteBuffer b = value instanceof Long l ? ByteBuffer.allocate(8).putLong(l)
          : value instanceof Character c ? ByteBuffer.allocate(1).put((byte) c.charValue())
          : ByteBuffer.allocate(4).putInt((Integer) value);
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }

  private static byte[] patchCount(byte[] counterFields, long count) {
    ByteBuffer.wrap(counterFields).putLong(counterFields.length - 8, count);
    return counterFields;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
