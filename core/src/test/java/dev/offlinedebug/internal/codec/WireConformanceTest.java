package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java writer against Chronicle Wire, both ways: (a) Chronicle's {@code BinaryWire}
 * reads every record {@link WireBuffer} writes into an equal dump; (b) for the same calls, {@link
 * WireBuffer} writes the very bytes Chronicle's {@code BinaryWire} writes ({@link
 * ChronicleWireOutput}). Dump records and occurrence records alike.
 */
class WireConformanceTest {
  private static final Path FILE = Path.of("conformance.dumps");
  private static final int CORPUS = 400;

  @Test
  void encode_generatedCorpusReadsBackAndMatchesChronicleByteForByte() throws DumpFormatException {
    WireCorpus corpus = new WireCorpus(20261201);
    for (int i = 0; i < CORPUS; i++) {
      Dump dump = corpus.dump(i);
      conforms(dump, "dump " + i);
    }
  }

  @Test
  void encodeOccurrence_generatedRepeatsReadBackAndMatchChronicleByteForByte() throws DumpFormatException {
    WireCorpus corpus = new WireCorpus(20261202);
    for (int i = 0; i < CORPUS; i++) {
      Dump first = corpus.dump(i);
      Dump repeat = corpus.repeat(first, first.id() + "." + Integer.toString(i, 36));
      OccurrenceBaseline baseline = OccurrenceBaseline.of(first);
      byte[] plain = DumpCodec.encodeOccurrence(baseline, first.id(), repeat, repeat.id());
      String what = "repeat " + i;
      assertEquals(repeat, DumpCodec.decode(plain, plain.length, FILE, 0).occurrence().applyTo(first), what);
      ChronicleWireOutput chronicle = new ChronicleWireOutput();
      new DumpEncoder().encodeOccurrence(first.id(), repeat, baseline.changes(repeat), chronicle,
          new ChronicleWireOutput());
      assertArrayEquals(sealed(chronicle, repeat.id()), plain, what);
    }
  }

  @Test
  void encode_causeChainTenThousandDeep() throws DumpFormatException {
    conforms(WireCorpus.causeChain(10_000), "10,000-deep chain");
  }

  @Test
  void encode_edgeCaseDumps() throws DumpFormatException {
    for (Dump dump : LandedDumps.ALL.values()) {
      conforms(dump, dump.id());
    }
    List<String> texts = WireCorpus.edgeTexts();
    for (String text : texts) {
      conforms(SampleDumps.of(text, new IllegalStateException(text)), "text of " + text.length() + " chars");
    }
  }

  @Test
  void int32AndInt64_everyCodeBoundaryMatchesChronicle() {
    Random random = new Random(7);
    for (long edge : WireCorpus.EDGE_LONGS) {
      sameBytes(out -> out.int64(edge), "int64 " + edge);
      sameBytes(out -> out.int32((int) edge), "int32 " + (int) edge);
      sameBytes(out -> out.smallInt((int) edge), "smallInt " + (int) edge);
      sameBytes(out -> out.fixedInt32((int) edge), "fixedInt32 " + (int) edge);
    }
    for (int i = 0; i < 20_000; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      long exactFloat = (long) (random.nextFloat() * (1L << random.nextInt(63)));
      sameBytes(out -> {
        out.int64(n);
        out.int64(exactFloat);
        out.int32((int) n);
        out.bool((n & 1) == 0);
      }, "numbers " + n + " " + exactFloat);
    }
  }

  @Test
  void textAndBytes_everyPlaneAndLengthMatchesChronicle() {
    WireCorpus corpus = new WireCorpus(11);
    for (String text : WireCorpus.edgeTexts()) {
      sameBytes(out -> out.text(text), "text of " + text.length() + " chars");
    }
    for (int i = 0; i < 3_000; i++) {
      String text = corpus.text(i % 100 == 0 ? i * 10 : i % 70, true);
      sameBytes(out -> out.text(text), "text " + text);
    }
    sameBytes(out -> out.text(null), "null text");
    for (int length : WireCorpus.EDGE_LENGTHS) {
      byte[] bytes = new byte[length];
      new Random(length).nextBytes(bytes);
      sameBytes(out -> out.bytes(bytes), "bytes of " + length);
    }
  }

  @Test
  void field_everySchemaNameMatchesChronicle() {
    for (String name : WireSchema.ALL) {
      sameBytes(out -> {
        out.field(name);
        out.bool(true);
      }, "field " + name);
    }
  }

  @Test
  void sequencesAndMarshallables_nestedMatchChronicle() {
    sameBytes(out -> {
      out.field("a");
      out.beginSequence();
      out.endSequence();
      out.field("b");
      out.beginSequence();
      for (int i = 0; i < 300; i++) {
        out.beginMarshallable();
        out.field("c");
        out.beginSequence();
        out.smallInt(i);
        out.text("x".repeat(i));
        out.endSequence();
        out.field("d" + i % 3);
        out.int32(-i);
        out.endMarshallable();
      }
      out.endSequence();
    }, "nested");
  }

  /** (a) and (b) for one dump, the whole payload: body, ID and checksum. */
  private static void conforms(Dump dump, String what) throws DumpFormatException {
    byte[] plain = DumpCodec.encode(dump);
    assertEquals(dump, DumpCodec.decode(plain, plain.length, FILE, 0).dump(), what);
    ChronicleWireOutput chronicle = new ChronicleWireOutput();
    new DumpEncoder().encode(dump, chronicle, new ChronicleWireOutput());
    assertArrayEquals(sealed(chronicle, dump.id()), plain, what);
  }

  /** Chronicle's bytes of a record body {@code chronicle} holds, ended with ID and checksum. */
  private static byte[] sealed(ChronicleWireOutput chronicle, String id) {
    chronicle.field(WireSchema.ID);
    TextWriter.write(chronicle, id);
    CRC32C crc = new CRC32C();
    crc.update(chronicle.toByteArray());
    chronicle.field(WireSchema.CHECKSUM);
    chronicle.fixedInt32((int) crc.getValue());
    return chronicle.toByteArray();
  }

  private static void sameBytes(Consumer<WireOutput> calls, String what) {
    WireBuffer plain = new WireBuffer(16);
    ChronicleWireOutput chronicle = new ChronicleWireOutput();
    for (WireOutput out : new WireOutput[] {plain, chronicle}) {
      out.field("f");
      out.beginSequence();
      calls.accept(out);
      out.endSequence();
    }
    assertArrayEquals(chronicle.toByteArray(), Arrays.copyOf(plain.array(), plain.position()), what);
  }
}
