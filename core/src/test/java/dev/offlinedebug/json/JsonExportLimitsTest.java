package dev.offlinedebug.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.internal.codec.CraftedRecords;
import dev.offlinedebug.internal.codec.DumpCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonExportLimitsTest {
  private static Dump decode(byte[] record) throws DumpFormatException {
    return DumpCodec.decode(record, record.length, Path.of("crafted.dumps"), 0).dump();
  }

  /** Counts what is written and keeps only the end; fails fast once far past any bound. */
  private static final class CountingSink implements Appendable {
    long chars;

    @Override
    public Appendable append(CharSequence text) {
      return append(text, 0, text.length());
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      chars += end - start;
      if (chars > 4 * JsonWriter.MAX_CHARS) {
        throw new AssertionError("unbounded output: " + chars + " chars and counting");
      }
      return this;
    }

    @Override
    public Appendable append(char c) {
      return append(String.valueOf(c));
    }
  }

  @Test
  void write_sharedFramesOfManyThrowables_isBounded() throws IOException {
    Dump dump = decode(CraftedRecords.sharedFrameBomb(1_400));
    CountingSink sink = new CountingSink();

    JsonExport.write(dump, sink);

    assertTrue(sink.chars <= JsonWriter.MAX_CHARS + 64 * 1024, sink.chars + " chars");
  }

  @Test
  void write_pastTheBudget_staysValidJsonWithTruncatedMarkers() throws Exception {
    Dump dump = decode(CraftedRecords.sharedFrameBomb(300));
    StringBuilder out = new StringBuilder();

    new JsonWriter(out, dump.exception(), 100_000).write(dump);

    assertTrue(out.length() < 200_000, out.length() + " chars");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode root = json.get("exception");
    assertEquals(0, root.get("index").asInt());
    assertTrue(out.toString().contains("\"<truncated>\""), "marks what was cut");
  }

  @Test
  void write_unknownPrimitiveBox_isQuoted() throws Exception {
    String crafted = "1,\"injected\":true,\"x\":\"y";
    Dump dump = decode(CraftedRecords.unknownBox(crafted));

    JsonNode local = new ObjectMapper().readTree(JsonExport.toJson(dump))
        .get("exception").get("frames").get(0).get("locals").get(0);

    assertEquals(List.of("name", "type", "value"), fieldNames(local));
    assertEquals(crafted, local.get("value").get("value").asText());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
