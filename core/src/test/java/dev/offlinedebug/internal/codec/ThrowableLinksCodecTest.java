package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.testing.SampleDumps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ThrowableValue}s in a record: written as the text values they also are, with their graph
 * indexes in {@link WireSchema#THROWABLE_LINKS}, so that this reader gets them back and a reader
 * that does not know the field (every earlier build) shows their type and header line.
 */
class ThrowableLinksCodecTest {
  private static final Path FILE = Path.of("links.dumps");
  private static final ThrowableValue CAUSE =
      new ThrowableValue("java.io.IOException", "java.io.IOException: connection reset", 1);
  private static final ThrowableValue LOGGED =
      new ThrowableValue("java.lang.IllegalStateException", "java.lang.IllegalStateException: gave up", 0);

  /** The retry loop's dump: {@code last} holds the cause, {@code e} the logged throwable, and more. */
  static Dump retryDump(String id) {
    return retryDump(id, CAUSE, new IllegalStateException("gave up", new IOException("connection reset")));
  }

  private static Dump retryDump(String id, Value last, Throwable thrown) {
    List<LocalVariable> locals = List.of(
        new LocalVariable("last", "java.lang.Exception", last),
        new LocalVariable("amount", "java.math.BigDecimal", new TextValue("java.math.BigDecimal", "12.50")),
        new LocalVariable("e", "java.lang.Exception", LOGGED),
        new LocalVariable("failures", "java.util.List",
            new ArrayValue(1, "java.util.ArrayList", List.of(CAUSE, LOGGED), 2)),
        new LocalVariable("byAttempt", "java.util.Map", new MapValue(2, "java.util.HashMap",
            List.of(new MapValue.Entry(StringValue.of("3"), CAUSE)), 1)));
    return SampleDumps.of(id, thrown, locals);
  }

  private static Dump decode(byte[] payload) throws DumpFormatException {
    return DumpCodec.decode(payload, payload.length, FILE, 0).dump();
  }

  @Test
  void roundTrip_throwableValuesInLocalsElementsAndEntries() throws DumpFormatException {
    Dump dump = retryDump("od-links-1");

    assertEquals(dump, decode(DumpCodec.encode(dump)));
  }

  @Test
  void decode_byAReaderThatSkipsTheLinks_showsTypeAndHeaderLine() throws DumpFormatException {
    Dump dump = retryDump("od-links-2");
    byte[] body = DumpCodec.encodeBody(dump);
    // What a reader without the field sees: any unknown field name is skipped.
    int at = indexOf(body, fieldName(WireSchema.THROWABLE_LINKS));
    assertTrue(at > 0, "the record carries its links");
    body[at + 2] = 'q';

    Dump asText = decode(DumpCodec.seal(body, dump.id()));

    List<Value> seen = asText.exception().root().frames().get(0).locals().stream().map(LocalVariable::value).toList();
    TextValue cause = new TextValue(CAUSE.type(), CAUSE.text());
    TextValue logged = new TextValue(LOGGED.type(), LOGGED.text());
    assertEquals(cause, seen.get(0));
    assertEquals(new TextValue("java.math.BigDecimal", "12.50"), seen.get(1));
    assertEquals(logged, seen.get(2));
    assertEquals(List.of(cause, logged), ((ArrayValue) seen.get(3)).elements());
    assertEquals(cause, ((MapValue) seen.get(4)).entries().get(0).value());
  }

  @Test
  void decode_craftedLinks_negativeIndexStaysTextAndStrayOrdinalsAreIgnored() throws DumpFormatException {
    byte[] payload = CraftedRecords.payload(w -> {
      CraftedRecords.head(w, List.of("java.lang.IllegalStateException", "x", "java.io.IOException"));
      w.write(WireSchema.THROWABLE_LINKS).sequence(null, (unused, seq) -> {
        seq.int32(0);
        seq.int32(-3);
        seq.int32(1);
        seq.int32(70_000);
        seq.int32(99);
        seq.int32(0);
      });
      w.write("x").sequence(null, (unused, seq) -> seq.marshallable(t -> {
        t.write("t").int32(1);
        t.write("f").sequence(null, (none, frames) -> {
          frames.int32(2);
          frames.int32(2);
          frames.int32(2);
          frames.int32(7);
        });
        t.write("fv").sequence(null, (none, frames) -> {
          frames.int32(0);
          frames.int32(2);
          for (String text : List.of("java.io.IOException: a", "java.io.IOException: b")) {
            frames.int32(2);
            frames.int32(3);
            frames.int32(ValueKind.TEXT);
            frames.int32(3);
            frames.text(text);
          }
        });
      }));
      w.write("id").text("od-crafted-links");
    });

    Dump dump = decode(payload);

    List<LocalVariable> locals = dump.exception().root().frames().get(0).locals();
    assertEquals(new TextValue("java.io.IOException", "java.io.IOException: a"), locals.get(0).value());
    assertEquals(new ThrowableValue("java.io.IOException", "java.io.IOException: b", 70_000), locals.get(1).value(),
        "an index past the graph is read as written: whoever resolves it checks it");
  }

  @Test
  void occurrence_throwableValuesOfTheRepeat() throws DumpFormatException {
    Throwable thrown = new IllegalStateException("gave up", new IOException("connection reset"));
    Dump first = retryDump("od-links-3", new TextValue("java.io.IOException", "java.io.IOException: earlier"), thrown);
    Dump repeat = retryDump("od-links-3.1", CAUSE, thrown);
    byte[] payload = DumpCodec.encodeOccurrence(OccurrenceBaseline.of(first), first.id(), repeat, repeat.id());

    DecodedRecord record = DumpCodec.decode(payload, payload.length, FILE, 0);
    assertNull(record.dump());
    assertEquals(repeat, record.occurrence().applyTo(first));
  }

  private static byte[] fieldName(String name) {
    byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
    byte[] field = new byte[ascii.length + 1];
    field[0] = (byte) (0xC0 + ascii.length);
    System.arraycopy(ascii, 0, field, 1, ascii.length);
    return field;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
