package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableBiMap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.stream.Collectors;
import kotlin.collections.builders.ListBuilder;
import kotlin.collections.builders.MapBuilder;
import kotlin.collections.builders.SetBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/** Collections that are not plain JDK collections still show as collections, read from fields. */
class CollectionCaptureTest {
  /** Application subclasses that keep the JDK's reading methods. */
  static final class Names extends ArrayList<String> {
    Names(String... names) {
      super(List.of(names));
    }

    String joined() {
      return String.join(",", this);
    }
  }

  static final class Scores extends LinkedHashMap<String, Integer> {}

  static final class Queue extends ArrayDeque<String> {}

  /** An application exception holding a value: its fields are captured without the agent. */
  static final class Holding extends RuntimeException {
    private final Object held;

    Holding(Object held) {
      super("holding");
      this.held = held;
    }
  }

  private static Value only(Object value) {
    return new LocalsFixture().local("v", "java.lang.Object", value).capturedLocals(CaptureLimits.DEFAULTS).get("v");
  }

  /** The elements of a captured collection as text: strings, numbers, enum and value text. */
  private static List<String> elements(Value value) {
    return assertInstanceOf(ArrayValue.class, value).elements().stream().map(CollectionCaptureTest::text)
        .collect(Collectors.toList());
  }

  /** The entries of a captured map as {@code key=value} text. */
  private static List<String> entries(Value value) {
    return assertInstanceOf(MapValue.class, value).entries().stream()
        .map(e -> text(e.key()) + "=" + text(e.value())).collect(Collectors.toList());
  }

  private static String text(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof PrimitiveValue p) {
      return String.valueOf(p.value());
    }
    return ((TextValue) v).text();
  }

  @Test
  void capture_applicationSubclassesOfJdkCollections_listElements() {
    Scores scores = new Scores();
    scores.put("ada", 3);
    scores.put("bob", 5);
    Queue queue = new Queue();
    queue.add("first");
    Properties properties = new Properties() {};
    properties.setProperty("mode", "fast");

    ArrayValue names = assertInstanceOf(ArrayValue.class, only(new Names("ada", "bob")));
    assertEquals(Names.class.getName(), names.type());
    assertEquals(List.of("ada", "bob"), elements(names));
    assertEquals(List.of("ada=3", "bob=5"), entries(only(scores)));
    assertEquals(List.of("first"), elements(only(queue)));
    assertEquals(List.of("mode=fast"), entries(only(properties)));
  }

  @Test
  void capture_guavaImmutableCollections_listElements() {
    assertEquals(List.of("a", "b", "c"), elements(only(ImmutableList.of("a", "b", "c"))));
    assertEquals(List.of("solo"), elements(only(ImmutableList.of("solo"))));
    assertEquals(List.of(), elements(only(ImmutableList.of())));
    assertEquals(List.of("x", "y"), elements(only(ImmutableSet.of("x", "y"))));
    assertEquals(List.of("one"), elements(only(ImmutableSet.of("one"))));
    assertEquals(List.of("b", "c"), elements(only(ImmutableSortedSet.of("c", "b"))));
    assertEquals(List.of("k=1", "l=2"), entries(only(ImmutableMap.of("k", 1, "l", 2))));
    assertEquals(List.of("k=1"), entries(only(ImmutableBiMap.of("k", 1))));
    assertEquals(List.of("k=1", "l=2"), entries(only(ImmutableBiMap.of("k", 1, "l", 2))));
    assertEquals(List.of("a=1", "z=2"), entries(only(ImmutableSortedMap.of("z", 2, "a", 1))));

    ArrayValue many = assertInstanceOf(ArrayValue.class, new LocalsFixture()
        .local("v", "java.lang.Object", ImmutableList.copyOf(new TreeMap<>(Map.of(1, 1, 2, 2, 3, 3)).keySet()))
        .capturedLocals(LocalsFixture.limits(4, 100, 2, 100_000)).get("v"));
    assertEquals(List.of("1", "2"), elements(many), "bounded by maxCollectionElements");
    assertEquals(3, many.length());
  }

  @Test
  void capture_kotlinCollections_listElements() {
    kotlin.collections.ArrayDeque<String> deque = new kotlin.collections.ArrayDeque<>();
    deque.addLast("middle");
    deque.addLast("last");
    deque.addFirst("first"); // wraps around the ring buffer's start
    ListBuilder<String> list = new ListBuilder<>();
    list.add("l1");
    list.add("l2");
    MapBuilder<String, Integer> map = new MapBuilder<>();
    map.put("gone", 0);
    map.put("kept", 1);
    map.remove("gone");
    SetBuilder<String> set = new SetBuilder<>();
    set.add("s1");

    assertEquals(List.of("first", "middle", "last"), elements(only(deque)));
    assertEquals(List.of("l1", "l2"), elements(only(list)));
    assertEquals(List.of("kept=1"), entries(only(map)));
    assertEquals(List.of("s1"), elements(only(set)));
    assertEquals(List.of(), elements(only(kotlin.collections.CollectionsKt.emptyList())));
    assertEquals(List.of(), entries(only(kotlin.collections.MapsKt.emptyMap())));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void capture_scalaCollections_listElements() {
    List<String> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add("e" + i);
    }
    scala.collection.immutable.Map small = scala.collection.immutable.Map$.MODULE$.empty();
    scala.collection.immutable.Map big = scala.collection.immutable.HashMap$.MODULE$.empty();
    for (int i = 0; i < 40; i++) {
      big = (scala.collection.immutable.Map) big.updated("k" + i, i);
    }
    scala.collection.immutable.Set set = scala.collection.immutable.Set$.MODULE$.empty();
    scala.collection.mutable.ArrayBuffer buffer = new scala.collection.mutable.ArrayBuffer();
    buffer.addOne("b1");
    scala.collection.mutable.ListBuffer listBuffer = new scala.collection.mutable.ListBuffer();
    listBuffer.addOne("lb1");
    scala.collection.mutable.HashMap mutableMap = new scala.collection.mutable.HashMap();
    mutableMap.update("mk", 9);

    assertEquals(List.of("a", "b"), elements(only(CollectionConverters.asScala(List.of("a", "b")).toList())));
    assertEquals(List.of(), elements(only(scala.collection.immutable.Nil$.MODULE$)));
    assertEquals(List.of("v1"), elements(only(CollectionConverters.asScala(List.of("v1")).toVector())));
    ArrayValue vector = assertInstanceOf(ArrayValue.class, only(CollectionConverters.asScala(hundred).toVector()));
    assertEquals(hundred.subList(0, 64), elements(vector), "a two-level vector, in order, bounded");
    assertEquals(100, vector.length());
    assertEquals(List.of("k=1"), entries(only(small.updated("k", 1))));
    assertEquals(List.of("k=1", "l=2", "m=3"), entries(only(small.updated("k", 1).updated("l", 2).updated("m", 3))));
    MapValue trie = assertInstanceOf(MapValue.class, only(big));
    assertEquals(40, trie.entries().size(), "every entry of the hash trie, in its nodes and sub-nodes");
    assertEquals(40, trie.size());
    assertEquals(List.of("s1", "s2"), elements(only(set.incl("s1").incl("s2"))));
    assertEquals(List.of("x", "y"),
        elements(only(scala.collection.immutable.ArraySeq$.MODULE$.unsafeWrapArray(new String[] {"x", "y"}))));
    assertEquals(List.of("b1"), elements(only(buffer)));
    assertEquals(List.of("lb1"), elements(only(listBuffer)));
    assertEquals(List.of("mk=9"), entries(only(mutableMap)));
  }

  /** Where {@link SerialFields} reads the JDK's closed fields: JDK 24 and later. */
  private static final boolean SERIAL_FIELDS = Runtime.version().feature() >= 24;

  @Test
  void capture_jdkWrappers_listElementsWhereTheJdkLetsFieldsBeRead() {
    List<String> list = new ArrayList<>(List.of("a", "b"));
    Map<String, Integer> map = new TreeMap<>(Map.of("k", 1));
    List<Value> lists = List.of(
        only(Collections.unmodifiableList(list)), only(Collections.synchronizedList(list)),
        only(Collections.checkedList(list, String.class)), only(Collections.unmodifiableCollection(list)),
        only(Collections.unmodifiableList(Collections.synchronizedList(list))));
    List<Value> maps = List.of(
        only(Collections.unmodifiableMap(map)), only(Collections.synchronizedMap(map)),
        only(Collections.checkedMap(map, String.class, Integer.class)), only(Collections.unmodifiableSortedMap(new TreeMap<>(map))));

    for (Value wrapper : lists) {
      if (SERIAL_FIELDS) {
        assertEquals(List.of("a", "b"), elements(wrapper));
        assertTrue(((ArrayValue) wrapper).type().startsWith("java.util.Collections$"), wrapper.toString());
      } else {
        assertEquals(Reason.UNAVAILABLE, assertInstanceOf(OmittedValue.class, wrapper).reason());
      }
    }
    for (Value wrapper : maps) {
      if (SERIAL_FIELDS) {
        assertEquals(List.of("k=1"), entries(wrapper));
      } else {
        assertEquals(Reason.UNAVAILABLE, assertInstanceOf(OmittedValue.class, wrapper).reason());
      }
    }
  }

  /** An application subclass of a locking JDK collection: read from the JDK's fields too. */
  static final class Ledger extends Vector<String> {
    Ledger(String... lines) {
      super(List.of(lines));
    }
  }

  @Test
  void capture_lockingJdkCollectionsWithoutAgent_elementsWhereTheJdkLetsFieldsBeRead() {
    Stack<String> stack = new Stack<>();
    stack.push("s1");
    stack.push("s2");
    List<Value> lists = List.of(only(new Vector<>(List.of("v1", "v2"))), only(stack), only(new Ledger("l1")),
        only(new ArrayBlockingQueue<>(4, false, List.of("q1", "q2"))));
    List<List<String>> expected = List.of(List.of("v1", "v2"), List.of("s1", "s2"), List.of("l1"), List.of("q1", "q2"));

    for (int i = 0; i < lists.size(); i++) {
      if (SERIAL_FIELDS) {
        assertEquals(expected.get(i), elements(lists.get(i)));
      } else if (i == 2) {
        assertEquals(Map.of(), assertInstanceOf(ObjectValue.class, lists.get(i)).fields(), "no field of its own");
      } else {
        assertEquals(Reason.UNAVAILABLE, assertInstanceOf(OmittedValue.class, lists.get(i)).reason());
      }
    }
    // A plain Hashtable reads through its entry set, which takes no monitor: on every JDK.
    MapValue table = assertInstanceOf(MapValue.class, only(new Hashtable<>(Map.of("k", 1, "l", 2))));
    assertEquals(Set.of("k=1", "l=2"), Set.copyOf(entries(table)));
    assertEquals(2, table.size());
  }

  @Test
  void capture_treeSetWithoutAgent_unavailableAsItsMapIsTransient() {
    // Its elements are its map's keys, in a transient field: only the agent opens it to the capture.
    assertEquals(Reason.UNAVAILABLE,
        assertInstanceOf(OmittedValue.class, only(new TreeSet<>(List.of("a", "b")))).reason());
  }

  @Test
  void capture_treeMapView_fieldsWhereTheJdkLetsThemBeRead() {
    Value view = only(new TreeMap<>(Map.of("a", 1, "b", 2)).headMap("b"));

    if (SERIAL_FIELDS) {
      ObjectValue bounds = assertInstanceOf(ObjectValue.class, view);
      assertEquals(List.of("a=1", "b=2"), entries(bounds.fields().get("m")), "the backing map, whole");
      assertEquals(StringValue.of("b"), bounds.fields().get("hi"));
    } else {
      assertEquals(Reason.UNAVAILABLE, assertInstanceOf(OmittedValue.class, view).reason());
    }
  }

  @Test
  void showAndExport_libraryCollections_listElements(@TempDir Path dir) throws Exception {
    Map<String, Object> held = new LinkedHashMap<>();
    held.put("guava", ImmutableList.of("g1", "g2"));
    held.put("guavaMap", ImmutableMap.of("gk", 7));
    held.put("subclass", new Names("n1"));
    kotlin.collections.ArrayDeque<String> deque = new kotlin.collections.ArrayDeque<>();
    deque.addLast("k1");
    held.put("kotlin", deque);
    held.put("scala", CollectionConverters.asScala(List.of("s1")).toList());
    Path file = dir.resolve("holding.dump");
    OfflineDebug.save(new Holding(held), file);

    Dump dump = OfflineDebug.load(file);
    String shown = new DumpRenderer(Style.PLAIN).render(dump);
    // The subclass's long name puts its element on a line of its own ("[0] = "n1""), the rest inline.
    for (String listed : List.of("[\"g1\", \"g2\"]", "{\"gk\"=7}", "[0] = \"n1\"", "[\"k1\"]", "[\"s1\"]")) {
      assertTrue(shown.contains(listed), "show lists " + listed + ":\n" + shown);
    }
    JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(dump));

    JsonNode entries = json.path("exception").path("fields").path("held").path("entries");
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    entries.forEach(pair -> byKey.put(pair.get(0).asText(), pair.get(1)));
    assertEquals("[\"g1\",\"g2\"]", byKey.get("guava").path("elements").toString(), json.toPrettyString());
    assertEquals("[[\"gk\",7]]", byKey.get("guavaMap").path("entries").toString());
    assertEquals("[\"n1\"]", byKey.get("subclass").path("elements").toString());
    assertEquals(Names.class.getName(), byKey.get("subclass").path("type").asText());
    assertEquals("[\"k1\"]", byKey.get("kotlin").path("elements").toString());
    assertEquals("[\"s1\"]", byKey.get("scala").path("elements").toString());
  }
}
