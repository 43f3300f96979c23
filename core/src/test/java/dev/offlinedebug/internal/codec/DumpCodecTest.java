package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.testing.SampleDumps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DumpCodecTest {
  private static final Path FILE = Path.of("test.dumps");

  static Dump roundTrip(Dump dump) throws DumpFormatException {
    byte[] payload = DumpCodec.encode(dump);
    DecodedRecord record = DumpCodec.decode(payload, payload.length, FILE, 0);
    assertNull(record.occurrences());
    return record.dump();
  }

  @Test
  void roundTrip_everyValueKind() throws IOException {
    List<LocalVariable> locals = new ArrayList<>();
    int i = 0;
    for (Value v : SampleDumps.everyValueKind()) {
      locals.add(new LocalVariable("v" + i++, v.type() == null ? "java.lang.Object" : v.type(), v));
    }
    Exception cause = new IllegalArgumentException("inner");
    Exception thrown = new IllegalStateException("outer", cause);
    thrown.addSuppressed(new java.io.UncheckedIOException(new IOException("io")));
    Dump dump = SampleDumps.of("od-test-1", thrown, locals);
    assertEquals(dump, roundTrip(dump));
  }

  @Test
  void roundTrip_unicodeOfEveryPlaneAndLoneSurrogates() throws IOException {
    List<String> texts = List.of("", "ascii", "caf\u00e9 \u00fc\u00df", "\u65e5\u672c\u8a9e \u0436\u0437 \u05d0",
        "emoji \ud83d\ude00\ud83c\udf89", "plane 2 \ud840\udc00 plane 14 \udb40\udc01",
        "\ud800", "a\udc00b", "end\udbff", "\udfff\ud800", "nul\u0000byte", "\uffff\ufffe");
    Map<String, Value> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      fields.put(texts.get(i) + i, StringValue.of(texts.get(i)));
    }
    List<LocalVariable> locals = List.of(new LocalVariable("\ud801x", "T\udc01", new ObjectValue(1, "\ud800", fields)));
    for (String text : texts) {
      FrameInfo frame = new FrameInfo("C" + text, "m" + text, text, 1, text, text, text, true, locals);
      ThrowableInfo t = new ThrowableInfo("E" + text, text, "desc" + text, List.of(frame), -1, List.of(), Map.of());
      Dump dump = new Dump("od-" + text, java.time.Instant.EPOCH, text, 1, text, text,
          new dev.offlinedebug.model.ThreadInfo(text, 1, true, 1), text, text, text, Map.of(text, text),
          List.of(text), Map.of("k" + text, text), true, new ThrowableGraph(List.of(t)));
      assertEquals(dump, roundTrip(dump), () -> "text " + text.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }

  @Test
  void roundTrip_tenThousandDeepCauseChain() throws IOException {
    // One frame each keeps the test fast; the depth of the chain is what matters here.
    StackTraceElement[] frame = {new StackTraceElement("com.acme.Deep", "call", "Deep.java", 7)};
    Throwable t = new RuntimeException("bottom");
    t.setStackTrace(frame);
    for (int i = 0; i < 10_000; i++) {
      t = new RuntimeException("level " + i, t);
      t.setStackTrace(frame);
    }
    Dump dump = SampleDumps.of("od-deep", t);
    Dump back = roundTrip(dump);
    assertEquals(10_001, back.exception().throwables().size());
    assertEquals(dump, back);
  }

  @Test
  void roundTrip_causeCycle() throws IOException {
    ThrowableInfo a = new ThrowableInfo("A", "a", "A: a", List.of(), 1, List.of(1), Map.of());
    ThrowableInfo b = new ThrowableInfo("B", null, "custom B", List.of(), 0, List.of(), Map.of(
        "SQLState", StringValue.of("08001")));
    Dump base = SampleDumps.of("od-cycle", new RuntimeException());
    Dump dump = new Dump(base.id(), base.time(), base.host(), base.pid(), base.jvm(), null, base.thread(),
        null, null, null, Map.of(), List.of(), Map.of(), false, new ThrowableGraph(List.of(a, b)));
    assertEquals(dump, roundTrip(dump));
  }

  @Test
  void encode_valuesNestedDeeperThanTheLimitAreTruncated() throws IOException {
    Value v = StringValue.of("leaf");
    for (int i = 0; i < 1000; i++) {
      v = new ObjectValue(i + 1, "Node", Map.of("next", v));
    }
    List<LocalVariable> locals = List.of(new LocalVariable("node", "Node", v));
    Dump back = roundTrip(SampleDumps.of("od-nest", new RuntimeException(), locals));
    Value cursor = back.exception().root().frames().get(0).locals().get(0).value();
    int depth = 0;
    while (cursor instanceof ObjectValue o) {
      cursor = o.fields().get("next");
      depth++;
    }
    assertEquals(ValueKind.MAX_NESTING - 1, depth);
    assertEquals(dev.offlinedebug.model.OmittedValue.class, cursor.getClass());
  }

  @Test
  void decode_occurrenceRecord() throws IOException {
    byte[] payload = DumpCodec.encodeOccurrences("od-x", 41);
    assertEquals(new Occurrences("od-x", 41), DumpCodec.decode(payload, payload.length, FILE, 0).occurrences());
  }

  @Test
  void decode_everyFlippedByteIsAFormatError() {
    byte[] payload = DumpCodec.encode(SampleDumps.of("od-flip", new IllegalStateException("x")));
    for (int i = 0; i < payload.length; i++) {
      byte[] damaged = payload.clone();
      damaged[i] ^= 0x5a;
      assertThrows(DumpFormatException.class, () -> DumpCodec.decode(damaged, damaged.length, FILE, 99));
    }
  }

  @Test
  void decode_unknownFieldsAreSkipped() throws IOException {
    Dump dump = SampleDumps.of("od-newer", new IllegalStateException("x"));
    net.openhft.chronicle.bytes.Bytes<byte[]> body = net.openhft.chronicle.bytes.Bytes.allocateElasticOnHeap(64);
    net.openhft.chronicle.wire.BinaryWire w = net.openhft.chronicle.wire.BinaryWire.binaryOnly(body);
    w.write("future").marshallable(m -> m.write("x").text("y"));
    w.write("later").int64(5);
    w.write("small").sequence(List.of(1, 2), (l, s) -> s.wireOut().bytes().writeUnsignedByte(7));
    body.write(DumpCodec.encodeBody(dump));
    w.write("after").sequence(List.of(1, 2), (l, s) -> l.forEach(s::int32));
    byte[] payload = DumpCodec.seal(body.toByteArray(), dump.id());
    assertEquals(dump, DumpCodec.decode(payload, payload.length, FILE, 0).dump());
  }
}
