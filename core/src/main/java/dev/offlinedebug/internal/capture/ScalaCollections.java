package dev.offlinedebug.internal.capture;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field layouts of Scala 2.13's standard collections, for {@link LibraryCollections}: lists,
 * vectors, array sequences, the small maps and sets, the hash tries of immutable maps and sets, and
 * the mutable buffers and hash map. Other Scala collections are captured by their fields.
 */
final class ScalaCollections {
  private ScalaCollections() {}

  /** Every class with a layout here is in this package or one below it. */
  static final String PACKAGE = "scala.collection.";
  private static final String IMMUTABLE = PACKAGE + "immutable.";
  private static final String MUTABLE = PACKAGE + "mutable.";
  /** Bounds the walk that counts a long list's cells. */
  private static final int COUNT_CEILING = 100_000;

  static final Map<String, LibraryCollections.Layout> LAYOUTS = layouts();

  private static Map<String, LibraryCollections.Layout> layouts() {
    Map<String, LibraryCollections.Layout> layouts = new HashMap<>();
    layouts.put(IMMUTABLE + "$colon$colon", (v, max) -> list(v, max, -1));
    layouts.put(IMMUTABLE + "Nil$", (v, max) -> new CollectionContents(List.of(), 0, false));
    layouts.put(MUTABLE + "ListBuffer", (v, max) -> list(get(v, "first"), max, (Integer) get(v, "len")));
    layouts.put(IMMUTABLE + "Vector0$", (v, max) -> new CollectionContents(List.of(), 0, false));
    layouts.put(IMMUTABLE + "Vector1", (v, max) -> LibraryCollections.array(get(v, "prefix1"), -1, max));
    for (int n = 2; n <= 6; n++) {
      int dimensions = n;
      layouts.put(IMMUTABLE + "Vector" + n, (v, max) -> vector(v, dimensions, max));
    }
    for (String kind : List.of("ofRef", "ofInt", "ofLong", "ofDouble", "ofBoolean", "ofChar", "ofByte", "ofShort", "ofFloat")) {
      layouts.put(IMMUTABLE + "ArraySeq$" + kind, (v, max) -> LibraryCollections.array(get(v, "unsafeArray"), -1, max));
    }
    layouts.put(MUTABLE + "ArrayBuffer", (v, max) -> LibraryCollections.array(get(v, "array"), (Integer) get(v, "size0"), max));
    layouts.put(IMMUTABLE + "Map$EmptyMap$", (v, max) -> new CollectionContents(List.of(), 0, true));
    layouts.put(IMMUTABLE + "Set$EmptySet$", (v, max) -> new CollectionContents(List.of(), 0, false));
    for (int n = 1; n <= 4; n++) {
      int count = n;
      layouts.put(IMMUTABLE + "Map$Map" + n, (v, max) -> small(v, count, true));
      layouts.put(IMMUTABLE + "Set$Set" + n, (v, max) -> small(v, count, false));
    }
    layouts.put(IMMUTABLE + "HashMap", (v, max) -> trie(get(v, "rootNode"), max, true));
    layouts.put(IMMUTABLE + "HashSet", (v, max) -> trie(get(v, "rootNode"), max, false));
    layouts.put(MUTABLE + "HashMap", ScalaCollections::hashTable);
    return Map.copyOf(layouts);
  }

  /**
   * A field by its name, or by the name Scala gives a field that nested classes reach ({@code
   * scala$collection$immutable$Map$Map2$$key1} for {@code key1}).
   */
  private static Object get(Object owner, String name) throws ReflectiveOperationException {
    ObjectFields.Slot found = null;
    for (ObjectFields.Slot slot : ObjectFields.of(owner.getClass())) {
      if ((slot.name().equals(name) || slot.name().endsWith("$$" + name)) && slot.field() != null) {
        found = slot;
      }
    }
    if (found == null) {
      throw new NoSuchFieldException(name);
    }
    return found.get(owner);
  }

  /** Cons cells from {@code cell} on: {@code head} and {@code next}, up to {@code Nil}. */
  private static CollectionContents list(Object cell, int max, int knownSize) throws ReflectiveOperationException {
    List<Object> items = new ArrayList<>();
    int size = 0;
    for (Object c = cell; isCons(c) && size < COUNT_CEILING; c = get(c, "next"), size++) {
      if (items.size() < max) {
        items.add(get(c, "head"));
      }
    }
    return new CollectionContents(items, knownSize >= 0 ? knownSize : size, false);
  }

  private static boolean isCons(Object cell) {
    return cell != null && cell.getClass().getName().equals(IMMUTABLE + "$colon$colon");
  }

  /**
   * A radix-balanced tree of {@code n} levels: {@code prefix1 .. prefix(n-1)}, {@code data(n)},
   * {@code suffix(n-1) .. suffix1}, where the {@code k}-th holds {@code k}-dimensional arrays.
   */
  private static CollectionContents vector(Object vector, int n, int max) throws ReflectiveOperationException {
    List<Object> items = new ArrayList<>();
    for (int k = 1; k < n; k++) {
      flatten(get(vector, "prefix" + k), k, items, max);
    }
    flatten(get(vector, "data" + n), n, items, max);
    for (int k = n - 1; k >= 1; k--) {
      flatten(get(vector, "suffix" + k), k, items, max);
    }
    return new CollectionContents(items, (Integer) get(vector, "length0"), false);
  }

  private static void flatten(Object array, int dimensions, List<Object> items, int max) {
    int length = Array.getLength(array);
    for (int i = 0; i < length && items.size() < max; i++) {
      Object slot = Array.get(array, i);
      if (dimensions == 1) {
        items.add(slot);
      } else {
        flatten(slot, dimensions - 1, items, max);
      }
    }
  }

  /** {@code Map1..Map4} ({@code key1, value1, ...}) and {@code Set1..Set4} ({@code elem1, ...}). */
  private static CollectionContents small(Object value, int count, boolean map) throws ReflectiveOperationException {
    List<Object> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (map) {
        items.addAll(LibraryCollections.pair(get(value, "key" + i), get(value, "value" + i)));
      } else {
        items.add(get(value, "elem" + i));
      }
    }
    return new CollectionContents(items, count, map);
  }

  /**
   * A compressed hash trie: a node's {@code content} holds its own keys (and values) first, one per
   * bit of {@code dataMap}, and its child nodes last, one per bit of {@code nodeMap}; keys whose
   * hashes collide sit in a node whose {@code content} is a vector (of key-value tuples for a map).
   */
  private static CollectionContents trie(Object root, int max, boolean map) throws ReflectiveOperationException {
    List<Object> items = new ArrayList<>();
    walk(root, max, map, items);
    return new CollectionContents(items, (Integer) get(root, "size"), map);
  }

  private static void walk(Object node, int max, boolean map, List<Object> items) throws ReflectiveOperationException {
    int per = map ? 2 : 1;
    Object content = get(node, "content");
    if (!content.getClass().isArray()) {
      for (Object entry : LibraryCollections.inner(content, max).items()) {
        if (items.size() >= max * per) {
          return;
        }
        if (map) {
          items.addAll(LibraryCollections.pair(get(entry, "_1"), get(entry, "_2")));
        } else {
          items.add(entry);
        }
      }
      return;
    }
    Object[] slots = (Object[]) content;
    int payload = Integer.bitCount((Integer) get(node, "dataMap"));
    for (int i = 0; i < payload * per && items.size() < max * per; i++) {
      items.add(slots[i]);
    }
    int children = Integer.bitCount((Integer) get(node, "nodeMap"));
    for (int j = 0; j < children && items.size() < max * per; j++) {
      walk(slots[slots.length - 1 - j], max, map, items);
    }
  }

  /** Buckets of chained nodes ({@code _key}, {@code _value}, {@code _next}). */
  private static CollectionContents hashTable(Object map, int max) throws ReflectiveOperationException {
    Object[] table = (Object[]) get(map, "table");
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < table.length && items.size() < 2 * max; i++) {
      for (Object node = table[i]; node != null && items.size() < 2 * max; node = get(node, "_next")) {
        items.addAll(LibraryCollections.pair(get(node, "_key"), get(node, "_value")));
      }
    }
    return new CollectionContents(items, (Integer) get(map, "contentSize"), true);
  }
}
