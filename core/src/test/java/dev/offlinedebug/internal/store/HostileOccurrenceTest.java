package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.WireOut;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Occurrence and counter records as an attacker appends them to a real store, intact (framed and
 * checksummed) so they reach the decoder: each gives a one-line error naming the file and offset of
 * the occurrence record, after at most two record reads, or is ignored where the store is scanned.
 */
class HostileOccurrenceTest {
  @TempDir Path dir;
  private DumpId first;
  private OccurrenceId nine;
  private Path file;

  @BeforeEach
  void writeFirstAndOneRepeat() throws IOException {
    List<String> ids = OccurrenceStoreTest.writeOrders(OccurrenceStoreTest.settings(dir, 1 << 20, 256 * 1024, 1000),
        7, 9);
    first = DumpId.parse(ids.get(0));
    nine = OccurrenceId.parse(ids.get(1));
    file = dir.resolve(first.file() + StoreLayout.SUFFIX);
  }

  /** Appends an occurrence record with the fields {@code body} writes, sealed with the ID naming {@code firstId} and its own position. */
  private OccurrenceId appendOccurrence(DumpId firstIdOfId, String firstIdField, Consumer<WireOut> body)
      throws IOException {
    OccurrenceId id = new OccurrenceId(firstIdOfId, new DumpId(first.file(), Files.size(file)));
    Bytes<byte[]> out = Bytes.allocateElasticOnHeap(256);
    try {
      WireOut w = BinaryWire.binaryOnly(out);
      w.write("v").int32(1);
      w.write("of").text(firstIdField);
      w.write("s").sequence(List.of("x"), (names, seq) -> names.forEach(seq::text));
      body.accept(w);
      append(DumpCodec.seal(out.toByteArray(), id.text()));
    } finally {
      out.releaseLast();
    }
    return id;
  }

  private void append(byte[] payload) throws IOException {
    Files.write(file, RecordFrame.completeHeader(payload.length).array(), StandardOpenOption.APPEND);
    Files.write(file, payload, StandardOpenOption.APPEND);
  }

  private DumpFormatException loadFails(OccurrenceId id) {
    DumpFormatException e = assertThrows(DumpFormatException.class, () -> OfflineDebug.open(dir).load(id.text()));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertEquals(file, e.file());
    assertEquals(id.at().offset(), e.offset(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ": corrupt dump record at offset " + id.at().offset() + ": "),
        e.getMessage());
    return e;
  }

  @Test
  void load_occurrenceNamingAnotherFirstDump() throws IOException {
    OccurrenceId id = appendOccurrence(first, "od-000000000-000000-0", w -> {});
    assertTrue(loadFails(id).getMessage().contains("names another first dump"));
  }

  @Test
  void load_firstDumpIsAnotherOccurrence_chainEndsAtTheSecondRead() throws IOException {
    DumpId chained = nine.at();
    OccurrenceId id = appendOccurrence(chained, chained.text(), w -> {});
    assertTrue(loadFails(id).getMessage().contains("is not its first dump"));
  }

  @Test
  void load_firstDumpIsItself_cycleEndsAtTheSecondRead() throws IOException {
    DumpId itself = new DumpId(first.file(), Files.size(file));
    OccurrenceId id = appendOccurrence(itself, itself.text(), w -> {});
    assertEquals(itself, id.at());
    assertTrue(loadFails(id).getMessage().contains("is not its first dump"));
  }

  @Test
  void load_firstDumpOffsetInsideARecord() throws IOException {
    DumpId inside = new DumpId(first.file(), first.offset() + 7);
    OccurrenceId id = appendOccurrence(inside, inside.text(), w -> {});
    assertTrue(loadFails(id).getMessage().contains("does not load"));
  }

  @Test
  void load_changeOfAThrowableTheFirstHasNot() throws IOException {
    // A MESSAGE change (kind 0) of throwable 1,000,000,000.
    OccurrenceId id = appendOccurrence(first, first.text(), w -> w.write("od").sequence(w, (x, seq) -> {
      seq.int32(0);
      seq.int32(1_000_000_000);
      seq.text("message");
    }));
    assertTrue(loadFails(id).getMessage().contains("changes throwable 1000000000 of 1"));
  }

  @Test
  void load_changeOfAFrameTheFirstHasNot() throws IOException {
    // A LOCALS change (kind 3) of throwable 0, frame 1,000,000,000, with no locals.
    OccurrenceId id = appendOccurrence(first, first.text(),
        w -> w.write("od").sequence(w, (x, seq) -> List.of(3, 0, 1_000_000_000, 0).forEach(seq::int32)));
    assertTrue(loadFails(id).getMessage().contains("changes frame 1000000000"));
  }

  @Test
  void load_localsCountFarBeyondTheRecord_failsWithoutAllocatingIt() throws IOException {
    OccurrenceId id = appendOccurrence(first, first.text(),
        w -> w.write("od").sequence(w, (x, seq) -> List.of(3, 0, 0, Integer.MAX_VALUE).forEach(seq::int32)));
    loadFails(id);
  }

  @Test
  void load_unknownChangeKind() throws IOException {
    OccurrenceId id = appendOccurrence(first, first.text(),
        w -> w.write("od").sequence(w, (x, seq) -> List.of(99, 0).forEach(seq::int32)));
    assertTrue(loadFails(id).getMessage().contains("unknown occurrence change kind 99"));
  }

  @Test
  void occurrences_hugeAndNegativeCounts_saturateAndSkip() throws IOException {
    append(DumpCodec.encodeOccurrences(first.text(), Long.MAX_VALUE));
    append(DumpCodec.encodeOccurrences(first.text(), Long.MAX_VALUE));
    append(DumpCodec.encodeOccurrences(first.text(), -5));
    DumpStore store = OfflineDebug.open(dir);
    DumpOccurrences occurrences = store.occurrences(first.text());
    assertEquals(Long.MAX_VALUE, occurrences.counted());
    assertEquals(Long.MAX_VALUE, occurrences.total());
    assertEquals(List.of(nine.text()), occurrences.stored().stream().map(DumpOccurrences.Stored::id).toList());
    assertEquals(Long.MAX_VALUE, store.list().get(0).occurrences());
  }

  @Test
  void occurrences_recordWhoseIdIsNotItsPosition_notListed() throws IOException {
    // Sealed with an ID that names the position of the genuine repeat: listing it would print an ID
    // that loads another record.
    byte[] genuine = Files.readAllBytes(file);
    // The repeat is the file's last record.
    Files.write(file, Arrays.copyOfRange(genuine, (int) nine.at().offset(), genuine.length), StandardOpenOption.APPEND);
    DumpOccurrences occurrences = OfflineDebug.open(dir).occurrences(first.text());
    assertEquals(List.of(nine.text()), occurrences.stored().stream().map(DumpOccurrences.Stored::id).toList());
  }
}
