package dev.offlinedebug.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.testing.SampleDumps;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JsonExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AWKWARD = "quote\" backslash\\ tab\t nl\n nul\u0000 bell\u0007 del\u007f "
      + "é 日本 😀 lone\ud800 low\udc00 ls\u2028";

  private static JsonNode parse(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static Dump dump(ThrowableGraph graph) {
    return new Dump("od-7", Instant.parse("2026-11-26T05:00:00.123456Z"), "host-1", 4242,
        "Eclipse Adoptium 25+36-LTS", "shop", new ThreadInfo("main", 1, false, 5), "com.acme.Orders",
        "ERROR", "order \"42\" failed", Map.of("requestId", "r-1"), List.of("AUDIT"), Map.of("k", "v"),
        true, graph);
  }

  private static ThrowableInfo throwable(String type, String message, List<FrameInfo> frames, int cause,
      List<Integer> suppressed, Map<String, Value> fields) {
    return new ThrowableInfo(type, message, message == null ? type : type + ": " + message, frames, cause,
        suppressed, fields);
  }

  @Test
  void toJson_everyContractField() throws Exception {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("orderId", new PrimitiveValue("long", 42L));
    ObjectValue order = new ObjectValue(1, "com.acme.Order", fields);
    List<LocalVariable> locals = List.of(
        new LocalVariable("order", "com.acme.Order", order),
        new LocalVariable("count", "int", new PrimitiveValue("int", 3)));
    FrameInfo top = new FrameInfo("com.acme.Orders", "place", "Orders.java", 17, null, null, null, true, locals);
    FrameInfo jdk = new FrameInfo("java.lang.Thread", "run", "Thread.java", 833, "java.base", null, null, false, List.of());
    ThrowableGraph graph = new ThrowableGraph(List.of(
        throwable("java.lang.IllegalStateException", "outer", List.of(top, jdk), 1, List.of(2), Map.of()),
        throwable("java.io.IOException", "inner", List.of(jdk), -1, List.of(), Map.of("SQLState", StringValue.of("40001"))),
        throwable("java.lang.UnsupportedOperationException", null, List.of(), -1, List.of(), Map.of())));

    JsonNode root = parse(JsonExport.toJson(dump(graph)));

    assertEquals("od-7", root.get("id").asText());
    assertEquals("2026-11-26T05:00:00.123456Z", root.get("time").asText());
    assertEquals("host-1", root.get("host").asText());
    assertEquals(4242, root.get("pid").asLong());
    assertEquals("Eclipse Adoptium 25+36-LTS", root.get("jvm").asText());
    assertEquals("shop", root.get("application").asText());
    assertEquals("main", root.at("/thread/name").asText());
    assertEquals(1, root.at("/thread/id").asLong());
    assertFalse(root.at("/thread/daemon").asBoolean());
    assertTrue(root.at("/thread/daemon").isBoolean());
    assertEquals("com.acme.Orders", root.get("logger").asText());
    assertEquals("ERROR", root.get("level").asText());
    assertEquals("order \"42\" failed", root.get("message").asText());
    assertEquals("r-1", root.at("/mdc/requestId").asText());
    assertEquals("AUDIT", root.at("/markers/0").asText());
    assertTrue(root.get("locals_captured").booleanValue());

    JsonNode exception = root.get("exception");
    assertEquals("java.lang.IllegalStateException", exception.get("type").asText());
    assertEquals("outer", exception.get("message").asText());
    assertEquals("java.lang.IllegalStateException: outer", exception.get("description").asText());
    JsonNode frame = exception.at("/frames/0");
    assertEquals("com.acme.Orders", frame.get("class").asText());
    assertEquals("place", frame.get("method").asText());
    assertEquals("Orders.java", frame.get("file").asText());
    assertEquals(17, frame.get("line").asInt());
    assertEquals("order", frame.at("/locals/0/name").asText());
    assertEquals("com.acme.Order", frame.at("/locals/0/type").asText());
    assertEquals("com.acme.Order", frame.at("/locals/0/value/type").asText());
    assertEquals(42, frame.at("/locals/0/value/fields/orderId").asLong());
    assertEquals(3, frame.at("/locals/1/value").asInt());
    assertEquals("java.base", exception.at("/frames/1/module").asText());
    assertTrue(exception.at("/frames/1/locals").isArray());
    assertEquals(0, exception.at("/frames/1/locals").size());
    assertEquals("java.io.IOException", exception.at("/cause/type").asText());
    assertEquals("40001", exception.at("/cause/fields/SQLState").asText());
    assertTrue(exception.at("/cause/cause").isNull());
    assertTrue(exception.at("/suppressed/0/message").isNull());
    assertEquals("java.lang.UnsupportedOperationException", exception.at("/suppressed/0/type").asText());
  }

  @Test
  void toJson_throwableValues_nameTheIndexOfTheirExceptionObject() throws Exception {
    JsonNode root = parse(JsonExport.toJson(SampleDumps.retryLoop()));

    JsonNode exception = root.get("exception");
    JsonNode locals = exception.get("frames").get(0).get("locals");
    assertEquals(parse("{\"type\":\"com.acme.DeclinedException\",\"value\":"
        + "\"com.acme.DeclinedException: insufficient funds\",\"throwable\":1}"), locals.get(0).get("value"));
    assertEquals(1, exception.get("cause").get("index").asInt(), "the cause's object carries that index");
    assertEquals(0, locals.get(1).get("value").get("throwable").asInt());
    assertEquals(2, locals.get(2).get("value").get("throwable").asInt());
    assertEquals(parse("{\"type\":\"java.io.IOException\",\"value\":\"java.io.IOException: timeout\"}"),
        locals.get(3).get("value"));
    assertEquals(parse("{\"type\":\"java.io.IOException\",\"value\":\"java.io.IOException: gone\"}"),
        locals.get(4).get("value"), "an index the graph does not have leaves a text value");
  }

  @Test
  void toJson_valueForms() throws Exception {
    Map<String, Value> nodeFields = new LinkedHashMap<>();
    nodeFields.put("self", new RefValue(1));
    List<LocalVariable> locals = List.of(
        new LocalVariable("n", "java.lang.Object", NullValue.INSTANCE),
        new LocalVariable("flag", "boolean", new PrimitiveValue("boolean", true)),
        new LocalVariable("c", "char", new PrimitiveValue("char", 'x')),
        new LocalVariable("nan", "double", new PrimitiveValue("double", Double.NaN)),
        new LocalVariable("big", "long", new PrimitiveValue("long", Long.MAX_VALUE)),
        new LocalVariable("f", "float", new PrimitiveValue("float", 1.5f)),
        new LocalVariable("s", "java.lang.String", new StringValue(AWKWARD, 5000)),
        new LocalVariable("amount", "java.math.BigDecimal", new TextValue("java.math.BigDecimal", "1.50")),
        new LocalVariable("node", "Node", new ObjectValue(1, "Node", nodeFields)),
        new LocalVariable("list", "java.util.List", new ArrayValue(2, "java.util.ArrayList",
            List.of(StringValue.of("a"), new RefValue(1)), 10)),
        new LocalVariable("map", "java.util.Map", new MapValue(3, "java.util.HashMap",
            List.of(new MapValue.Entry(StringValue.of("k"), new PrimitiveValue("java.lang.Integer", 1))), 1)),
        new LocalVariable("pw", "java.lang.String", new OmittedValue(Reason.REDACTED, "java.lang.String")),
        new LocalVariable("deep", "Node", new OmittedValue(Reason.TRUNCATED, "Node")),
        new LocalVariable("lock", "java.util.concurrent.locks.Lock", new OmittedValue(Reason.UNAVAILABLE, null)));
    FrameInfo frame = new FrameInfo("A", "m", null, -1, null, null, null, true, locals);
    Dump dump = dump(new ThrowableGraph(List.of(throwable("java.lang.Error", "x", List.of(frame), -1, List.of(), Map.of()))));

    JsonNode values = parse(JsonExport.toJson(dump)).at("/exception/frames/0/locals");

    assertTrue(values.at("/0/value").isNull());
    assertTrue(values.at("/1/value").booleanValue());
    assertEquals("x", values.at("/2/value").textValue());
    assertEquals("NaN", values.at("/3/value").textValue());
    assertEquals(Long.MAX_VALUE, values.at("/4/value").longValue());
    assertEquals(1.5, values.at("/5/value").doubleValue());
    assertEquals(AWKWARD, values.at("/6/value").textValue());
    assertEquals("java.math.BigDecimal", values.at("/7/value/type").textValue());
    assertEquals("1.50", values.at("/7/value/value").textValue());
    assertEquals(1, values.at("/8/value/id").intValue());
    assertEquals(1, values.at("/8/value/fields/self/ref").intValue());
    assertEquals("java.util.ArrayList", values.at("/9/value/type").textValue());
    assertEquals(10, values.at("/9/value/length").intValue());
    assertEquals("a", values.at("/9/value/elements/0").textValue());
    assertEquals(1, values.at("/9/value/elements/1/ref").intValue());
    assertEquals("k", values.at("/10/value/entries/0/0").textValue());
    assertEquals(1, values.at("/10/value/entries/0/1").intValue());
    assertEquals("<redacted>", values.at("/11/value").textValue());
    assertEquals("<truncated>", values.at("/12/value").textValue());
    assertEquals("<unavailable>", values.at("/13/value").textValue());
    assertTrue(frameOf(dump).get("file").isNull());
  }

  private static JsonNode frameOf(Dump dump) throws Exception {
    return parse(JsonExport.toJson(dump)).at("/exception/frames/0");
  }

  @Test
  void toJson_awkwardStrings_escapedAndRoundTripped() throws Exception {
    String json = JsonExport.toJson(dump(new ThrowableGraph(List.of(
        throwable("java.lang.Error", AWKWARD, List.of(), -1, List.of(), Map.of())))));

    for (char c : json.toCharArray()) {
      assertTrue(c >= 0x20 && c != 0x7f && c != '\u2028', "raw control character " + (int) c);
    }
    assertTrue(json.contains("\\ud800"), "lone surrogates are escaped");
    assertTrue(json.contains("😀"), "pairs are written as they are");
    assertEquals(AWKWARD, parse(json).at("/exception/message").textValue());
  }

  @Test
  void toJson_causeCycleAndSharedThrowable_refs() throws Exception {
    ThrowableGraph graph = new ThrowableGraph(List.of(
        throwable("A", "a", List.of(), 1, List.of(1), Map.of()),
        throwable("B", "b", List.of(), 0, List.of(), Map.of())));

    JsonNode exception = parse(JsonExport.toJson(dump(graph))).get("exception");

    assertEquals(0, exception.get("index").intValue());
    assertEquals("B", exception.at("/cause/type").textValue());
    assertEquals(0, exception.at("/cause/cause/ref").intValue(), "the cycle closes with a ref");
    assertEquals(1, exception.at("/suppressed/0/ref").intValue(), "the shared throwable is written once");
  }

  @Test
  void write_causeChain10000Deep_noStackOverflow() throws Exception {
    List<ThrowableInfo> chain = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      chain.add(throwable("java.lang.RuntimeException", "level " + i, List.of(), i + 1 < 10_000 ? i + 1 : -1, List.of(), Map.of()));
    }
    StringWriter out = new StringWriter();

    JsonExport.write(dump(new ThrowableGraph(chain)), out);

    ObjectMapper deep = new ObjectMapper();
    deep.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20_000).build());
    // Jackson's tree reader recurses; only the check needs a deep stack, the export did not.
    AtomicReference<JsonNode> parsed = new AtomicReference<>();
    Thread reader = new Thread(null, () -> {
      try {
        parsed.set(deep.readTree(out.toString()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "deep-json", 512L * 1024 * 1024);
    reader.start();
    reader.join();
    JsonNode node = parsed.get().get("exception");
    for (int i = 0; i < 9_999; i++) {
      node = node.get("cause");
    }
    assertEquals("level 9999", node.get("message").textValue());
    assertTrue(node.get("cause").isNull());
  }

  @Test
  void toJson_realCapture_parsesWithLocalsFlagAndFrames() throws Exception {
    IllegalStateException thrown = new IllegalStateException("real 😀");
    Dump dump = new DumpCapture(CaptureLimits.DEFAULTS, null).capture("od-real", thrown, LoggedEvent.standalone());

    JsonNode root = parse(JsonExport.toJson(dump));

    assertEquals("od-real", root.get("id").textValue());
    assertTrue(root.get("application").isNull());
    assertFalse(root.get("locals_captured").booleanValue());
    assertEquals(thrown.getStackTrace().length, root.at("/exception/frames").size());
    assertEquals(thrown.getStackTrace()[0].getLineNumber(), root.at("/exception/frames/0/line").intValue());
    assertEquals("real 😀", root.at("/exception/message").textValue());
  }
}
