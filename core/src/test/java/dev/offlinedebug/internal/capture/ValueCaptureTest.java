package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.internal.capture.CaptureSubjects.Color;
import dev.offlinedebug.internal.capture.CaptureSubjects.Node;
import dev.offlinedebug.internal.capture.CaptureSubjects.Point;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValueCaptureTest {
  private static final CaptureLimits DEFAULTS = CaptureLimits.DEFAULTS;

  private static Value only(String declaredType, Object value) {
    return new LocalsFixture().local("v", declaredType, value).capturedLocals(DEFAULTS).get("v");
  }

  private static Value only(Object value) {
    return new LocalsFixture().local("v", value).capturedLocals(DEFAULTS).get("v");
  }

  @Test
  void capture_primitivesWithDeclaredTypes() {
    Map<String, Value> locals = new LocalsFixture()
        .local("i", "int", 42).local("l", "long", 7L).local("z", "boolean", true)
        .local("d", "double", 2.5).local("c", "char", 'ß').local("b", "byte", (byte) -1)
        .local("s", "short", (short) 300).local("f", "float", 1.5f)
        .local("boxed", "java.lang.Integer", 9).local("nothing", "java.lang.String", null)
        .capturedLocals(DEFAULTS);

    assertEquals(new PrimitiveValue("int", 42), locals.get("i"));
    assertEquals(new PrimitiveValue("long", 7L), locals.get("l"));
    assertEquals(new PrimitiveValue("boolean", true), locals.get("z"));
    assertEquals(new PrimitiveValue("double", 2.5), locals.get("d"));
    assertEquals(new PrimitiveValue("char", 'ß'), locals.get("c"));
    assertEquals(new PrimitiveValue("byte", (byte) -1), locals.get("b"));
    assertEquals(new PrimitiveValue("short", (short) 300), locals.get("s"));
    assertEquals(new PrimitiveValue("float", 1.5f), locals.get("f"));
    assertEquals(new PrimitiveValue("java.lang.Integer", 9), locals.get("boxed"));
    assertEquals(NullValue.INSTANCE, locals.get("nothing"));
  }

  @Test
  void capture_stringsAndJdkValueTypes_asText() {
    UUID id = UUID.randomUUID();
    assertEquals(StringValue.of("Grüße 😀"), only("Grüße 😀"));
    assertEquals(new TextValue(Color.class.getName(), "RED"), only(Color.RED));
    assertEquals(new TextValue(Color.class.getName(), "GREEN"), only(Color.GREEN), "constant with a body");
    assertEquals(new TextValue("java.math.BigDecimal", "1.50"), only(new BigDecimal("1.50")));
    assertEquals(new TextValue("java.math.BigInteger", "123456789012345678901234567890"),
        only(new BigInteger("123456789012345678901234567890")));
    assertEquals(new TextValue("java.util.UUID", id.toString()), only(id));
    assertEquals(new TextValue("java.time.LocalDate", "2026-11-26"), only(LocalDate.of(2026, 11, 26)));
    assertEquals(new TextValue("java.time.Instant", "2026-11-26T05:00:00.123456Z"),
        only(Instant.parse("2026-11-26T05:00:00.123456Z")));
    assertEquals(new TextValue("java.time.Duration", "PT1M30S"), only(Duration.ofSeconds(90)));
    ZonedDateTime zoned = ZonedDateTime.parse("2026-11-26T06:00+01:00[Europe/Paris]");
    assertEquals(new TextValue("java.time.ZonedDateTime", zoned.toString()), only(zoned));
    assertEquals("/tmp/x", ((TextValue) only(Path.of("/tmp/x"))).text());
    assertEquals(new TextValue("java.lang.Class", "java.lang.String"), only(String.class));
    assertEquals(StringValue.of("built"), only(new StringBuilder("built")));
    assertEquals(new TextValue("java.io.IOException", "java.io.IOException: disk"),
        only(new java.io.IOException("disk")));
  }

  @Test
  void capture_arraysOfEveryPrimitiveKind() {
    assertEquals(List.of(new PrimitiveValue("int", 1), new PrimitiveValue("int", 2)), elements(only(new int[] {1, 2})));
    assertEquals(List.of(new PrimitiveValue("long", 3L)), elements(only(new long[] {3})));
    assertEquals(List.of(new PrimitiveValue("boolean", false)), elements(only(new boolean[] {false})));
    assertEquals(List.of(new PrimitiveValue("double", 0.5)), elements(only(new double[] {0.5})));
    assertEquals(List.of(new PrimitiveValue("float", 0.25f)), elements(only(new float[] {0.25f})));
    assertEquals(List.of(new PrimitiveValue("char", 'x')), elements(only(new char[] {'x'})));
    assertEquals(List.of(new PrimitiveValue("byte", (byte) 8)), elements(only(new byte[] {8})));
    assertEquals(List.of(new PrimitiveValue("short", (short) 9)), elements(only(new short[] {9})));
    ArrayValue strings = assertInstanceOf(ArrayValue.class, only(new String[] {"a", null}));
    assertEquals("java.lang.String[]", strings.type());
    assertEquals(List.of(StringValue.of("a"), NullValue.INSTANCE), strings.elements());
    ArrayValue matrix = assertInstanceOf(ArrayValue.class, only(new int[][] {{1}, {2, 3}}));
    assertEquals("int[][]", matrix.type());
    assertEquals(2, elements(matrix.elements().get(1)).size());
  }

  @Test
  void capture_jdkCollectionsAndMaps() {
    ArrayValue list = assertInstanceOf(ArrayValue.class, only(new ArrayList<>(List.of("a", "b"))));
    assertEquals("java.util.ArrayList", list.type());
    assertEquals(List.of(StringValue.of("a"), StringValue.of("b")), list.elements());
    assertEquals(1, elements(only(Set.of(5))).size());
    assertEquals(List.of(StringValue.of("x")), elements(only(List.of("x"))));

    Map<String, Integer> tree = new TreeMap<>(Map.of("b", 2, "a", 1));
    MapValue map = assertInstanceOf(MapValue.class, only(tree));
    assertEquals("java.util.TreeMap", map.type());
    assertEquals(new MapValue.Entry(StringValue.of("a"), new PrimitiveValue("java.lang.Integer", 1)), map.entries().get(0));
    assertEquals(2, map.size());
    assertEquals(1, assertInstanceOf(MapValue.class, only(new ConcurrentHashMap<>(Map.of(1, 2)))).entries().size());
    assertEquals(1, assertInstanceOf(MapValue.class, only(new HashMap<>(Map.of(1, 2)))).entries().size());
  }

  @Test
  void capture_optionalsAndAtomics_throughPublicApi() {
    ObjectValue present = assertInstanceOf(ObjectValue.class, only(Optional.of("here")));
    assertEquals(Map.of("value", StringValue.of("here")), present.fields());
    assertEquals(Map.of(), assertInstanceOf(ObjectValue.class, only(Optional.empty())).fields());
    assertEquals(Map.of("value", new PrimitiveValue("java.lang.Integer", 5)),
        assertInstanceOf(ObjectValue.class, only(new AtomicInteger(5))).fields());
    assertEquals(Map.of("value", StringValue.of("ref")),
        assertInstanceOf(ObjectValue.class, only(new AtomicReference<>("ref"))).fields());
    assertEquals(List.of(new PrimitiveValue("java.lang.Long", 4L)), elements(only(new AtomicLongArray(new long[] {4}))));
  }

  @Test
  void capture_userObjectsAndRecords_fieldByField() {
    ObjectValue point = assertInstanceOf(ObjectValue.class, only(new Point(3, 4)));
    assertEquals(Point.class.getName(), point.type());
    assertEquals(List.of("x", "y"), List.copyOf(point.fields().keySet()));
    assertEquals(new PrimitiveValue("int", 3), point.fields().get("x"));
  }

  @Test
  void capture_cyclesAndSharedReferences_becomeRefs() {
    Node a = new Node("a");
    Node b = new Node("b");
    a.next = b;
    b.next = a;
    List<Object> selfContaining = new ArrayList<>();
    selfContaining.add(selfContaining);
    Map<String, Value> locals = new LocalsFixture()
        .local("a", a).local("again", a).local("list", selfContaining).capturedLocals(DEFAULTS);

    ObjectValue first = assertInstanceOf(ObjectValue.class, locals.get("a"));
    ObjectValue second = assertInstanceOf(ObjectValue.class, first.fields().get("next"));
    assertEquals(new RefValue(first.id()), second.fields().get("next"));
    assertEquals(new RefValue(first.id()), locals.get("again"));
    ArrayValue list = assertInstanceOf(ArrayValue.class, locals.get("list"));
    assertEquals(List.of(new RefValue(list.id())), list.elements());
  }

  @Test
  void capture_beyondMaxDepth_truncated() {
    Node head = new Node("0");
    Node tail = head;
    for (int i = 1; i < 10; i++) {
      tail.next = new Node(String.valueOf(i));
      tail = tail.next;
    }
    Value captured = new LocalsFixture().local("head", head)
        .capturedLocals(LocalsFixture.limits(2, 100, 10, 100_000)).get("head");

    ObjectValue level0 = assertInstanceOf(ObjectValue.class, captured);
    ObjectValue level1 = assertInstanceOf(ObjectValue.class, level0.fields().get("next"));
    ObjectValue level2 = assertInstanceOf(ObjectValue.class, level1.fields().get("next"));
    assertEquals(StringValue.of("2"), level2.fields().get("name"), "scalars at the last level are kept");
    assertEquals(new OmittedValue(Reason.TRUNCATED, Node.class.getName()), level2.fields().get("next"));
  }

  @Test
  void capture_beyondMaxElements_keepsLengthAndFirstElements() {
    List<Integer> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(i);
    }
    Map<Integer, Integer> bigMap = new LinkedHashMap<>();
    hundred.forEach(i -> bigMap.put(i, i));
    Map<String, Value> locals = new LocalsFixture().local("list", hundred).local("array", new int[100])
        .local("map", bigMap).capturedLocals(LocalsFixture.limits(4, 100, 5, 100_000));

    ArrayValue list = assertInstanceOf(ArrayValue.class, locals.get("list"));
    assertEquals(5, list.elements().size());
    assertEquals(100, list.length());
    assertTrue(list.truncated());
    assertEquals(5, elements(locals.get("array")).size());
    MapValue map = assertInstanceOf(MapValue.class, locals.get("map"));
    assertEquals(5, map.entries().size());
    assertEquals(100, map.size());
  }

  @Test
  void capture_longString_cutKeepingLengthAndSurrogatePairs() {
    Map<String, Value> locals = new LocalsFixture().local("text", "abcdefghij").local("emoji", "abcd😀xyz")
        .capturedLocals(LocalsFixture.limits(4, 5, 64, 100_000));

    assertEquals(new StringValue("abcde", 10), locals.get("text"));
    assertEquals(new StringValue("abcd", 9), locals.get("emoji"), "the pair 😀 is not split");
  }

  @Test
  void capture_pastMaxDumpBytes_truncated() {
    String kilobyte = "x".repeat(1000);
    LocalsFixture fixture = new LocalsFixture();
    for (int i = 0; i < 20; i++) {
      fixture.local("s" + i, kilobyte + i);
    }
    Map<String, Value> locals = fixture.capturedLocals(LocalsFixture.limits(4, 2000, 64, 8_000));

    assertInstanceOf(StringValue.class, locals.get("s0"));
    assertEquals(new OmittedValue(Reason.TRUNCATED, "java.lang.String"), locals.get("s19"));
    long kept = locals.values().stream().filter(StringValue.class::isInstance).count();
    assertTrue(kept >= 3 && kept <= 8, "about 8,000 bytes of strings kept, got " + kept);
  }

  @Test
  void capture_jdkClassWithPrivateFields_unavailableWithoutException() {
    Map<String, Value> locals = new LocalsFixture()
        .local("lock", new java.util.concurrent.locks.ReentrantLock())
        .local("format", new java.text.SimpleDateFormat("yyyy"))
        .local("holder", new AtomicReference<>(new java.util.zip.CRC32()))
        .capturedLocals(DEFAULTS);

    if (Runtime.version().feature() < 24) {
      assertEquals(new OmittedValue(Reason.UNAVAILABLE, "java.util.concurrent.locks.ReentrantLock"), locals.get("lock"));
      assertEquals(new OmittedValue(Reason.UNAVAILABLE, "java.text.SimpleDateFormat"), locals.get("format"));
    } else {
      // JDK 24 and later let serialization's default field reading read the serializable ones.
      assertInstanceOf(ObjectValue.class, locals.get("lock"));
      assertInstanceOf(ObjectValue.class, locals.get("format"));
    }
    ObjectValue holder = assertInstanceOf(ObjectValue.class, locals.get("holder"));
    assertEquals(new OmittedValue(Reason.UNAVAILABLE, "java.util.zip.CRC32"), holder.fields().get("value"));
  }

  @Test
  void capture_userMethods_neverCalled() {
    CaptureSubjects.reset();
    CaptureSubjects.Booby booby = new CaptureSubjects.Booby();
    Map<Object, String> identityMap = new java.util.IdentityHashMap<>();
    identityMap.put(booby, "v");
    Map<String, Value> locals = new LocalsFixture()
        .local("booby", booby).local("again", booby).local("inList", new ArrayList<>(List.of(booby)))
        .local("asKey", identityMap).local("green", Color.GREEN)
        .capturedLocals(DEFAULTS);

    assertEquals(0, CaptureSubjects.CALLS.get());
    ObjectValue captured = assertInstanceOf(ObjectValue.class, locals.get("booby"));
    assertEquals(Map.of("value", new PrimitiveValue("int", 7)), captured.fields());
    assertEquals(new RefValue(captured.id()), locals.get("again"));
  }

  @Test
  void capture_userCollectionSubclass_readByFieldsNotIterated() {
    CaptureSubjects.CountingList list = new CaptureSubjects.CountingList("a", "b");
    CaptureSubjects.reset();
    Map<String, Value> locals = new LocalsFixture().local("list", list)
        .local("wrapped", java.util.Collections.unmodifiableList(list)).capturedLocals(DEFAULTS);

    assertEquals(0, CaptureSubjects.CALLS.get());
    ObjectValue captured = assertInstanceOf(ObjectValue.class, locals.get("list"));
    assertEquals(StringValue.of("counting"), captured.fields().get("label"));
    assertFalse(locals.get("wrapped") instanceof ArrayValue,
        "a JDK wrapper may delegate to the user list: not iterated either");
  }

  private static List<Value> elements(Value value) {
    return assertInstanceOf(ArrayValue.class, value).elements();
  }

  @Test
  void capture_arrayValuesListedInOrder() {
    assertEquals(Arrays.asList("1", "2", "3"),
        elements(only("java.util.List", List.of(1, 2, 3))).stream()
            .map(v -> ((PrimitiveValue) v).value().toString()).collect(Collectors.toList()));
  }
}
