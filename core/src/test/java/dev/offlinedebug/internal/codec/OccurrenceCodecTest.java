package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.testing.SampleDumps;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Occurrence records: a repeat stored as its differences from the first dump, and applied back. */
class OccurrenceCodecTest {
  private static final Path FILE = Path.of("occurrences.dumps");

  /** Dumps of the same failure with {@code quantities}, thrown from one place so their stacks are equal. */
  private static List<Dump> orders(String firstId, int... quantities) {
    List<Dump> dumps = new ArrayList<>();
    for (int i = 0; i < quantities.length; i++) {
      int quantity = quantities[i];
      dumps.add(SampleDumps.of(i == 0 ? firstId : firstId + "." + i,
          new IllegalStateException(quantity + " items out of stock"),
          List.of(new LocalVariable("quantity", "int", new PrimitiveValue("int", quantity)))));
    }
    return dumps;
  }

  private static Occurrence roundTrip(Dump first, Dump repeat) throws DumpFormatException {
    byte[] payload = DumpCodec.encodeOccurrence(OccurrenceBaseline.of(first), first.id(), repeat, repeat.id());
    DecodedRecord record = DumpCodec.decode(payload, payload.length, FILE, 0);
    assertNull(record.dump());
    assertNull(record.occurrences());
    return record.occurrence();
  }

  @Test
  void applyTo_givesTheRepeatsOwnValues() throws IOException {
    List<Dump> dumps = orders("od-first", 7, 9);
    Dump first = dumps.get(0);
    Dump nine = dumps.get(1);
    Occurrence occurrence = roundTrip(first, nine);
    assertEquals("od-first", occurrence.firstId());
    assertEquals(nine, occurrence.applyTo(first));
    assertEquals(new PrimitiveValue("int", 9),
        occurrence.applyTo(first).exception().root().frames().get(0).locals().get(0).value());
  }

  @Test
  void changes_onlyWhatDiffers() throws IOException {
    List<Dump> dumps = orders("od-first", 7, 7, 9);
    Dump first = dumps.get(0);
    Dump seven = dumps.get(1);
    assertEquals(List.of(), OccurrenceBaseline.of(first).changes(seven));
    byte[] unchanged = DumpCodec.encodeOccurrence(OccurrenceBaseline.of(first), first.id(), seven, seven.id());
    assertTrue(unchanged.length < DumpCodec.encode(first).length / 2,
        unchanged.length + " bytes for an unchanged repeat of a " + DumpCodec.encode(first).length + "-byte dump");
    // SampleDumps gives every frame the local: message, description, and each frame's locals differ.
    assertEquals(2 + first.exception().root().frames().size(),
        OccurrenceBaseline.of(first).changes(dumps.get(2)).size());
  }

  @Test
  void encodeOccurrence_anotherShapeIsNoOccurrence() {
    Dump first = orders("od-first", 7).get(0);
    Dump elsewhere = SampleDumps.of("od-other", new IllegalArgumentException("7 items out of stock"));
    assertNull(OccurrenceBaseline.of(first).changes(elsewhere));
    assertNull(DumpCodec.encodeOccurrence(OccurrenceBaseline.of(first), first.id(), elsewhere, "od-first.1"));
  }

  @Test
  void baseline_tooManySlotsIsNone() {
    List<FrameInfo> frames = new ArrayList<>();
    for (int i = 0; i <= OccurrenceBaseline.MAX_SLOTS; i++) {
      frames.add(new FrameInfo("com.acme.Deep", "call", "Deep.java", i, null, null, null, true, List.of()));
    }
    Dump deep = new Dump("od-deep", Instant.EPOCH, "h", 1, "j", null, orders("x", 1).get(0).thread(), null, null, null,
        java.util.Map.of(), List.of(), java.util.Map.of(), true, new ThrowableGraph(List.of(new ThrowableInfo(
            "com.acme.Deep", null, "com.acme.Deep", frames, ThrowableInfo.NO_CAUSE, List.of(), java.util.Map.of()))));
    assertNull(OccurrenceBaseline.of(deep));
  }

  @Test
  void applyTo_anotherFirstDumpIsRefused() throws IOException {
    List<Dump> dumps = orders("od-first", 7, 9);
    Occurrence occurrence = roundTrip(dumps.get(0), dumps.get(1));
    Dump second = orders("od-second", 7).get(0);
    assertThrows(IllegalArgumentException.class, () -> occurrence.applyTo(second));
  }
}
