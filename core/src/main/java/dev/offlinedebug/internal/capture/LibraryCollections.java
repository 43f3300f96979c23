package dev.offlinedebug.internal.capture;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collections of common libraries read from their fields by known layouts: Guava's immutable
 * collections, Kotlin's own collections (Kotlin's {@code listOf}, {@code mapOf}... are JDK
 * collections already) and Scala's standard ones ({@link ScalaCollections}). A layout is picked by
 * the runtime class's name, so no library class is loaded or initialised for it, and read by
 * reflection, so none of the library's code runs. A layout that does not match the library version
 * at hand reads nothing, and the value is captured by its fields as any other object.
 */
final class LibraryCollections {
  private LibraryCollections() {}

  /** Reads one collection class's fields; {@code max} bounds the elements or entries read. */
  @FunctionalInterface
  interface Layout {
    CollectionContents read(Object value, int max) throws ReflectiveOperationException;
  }

  private static final String GUAVA = "com.google.common.collect.";
  private static final String KOTLIN = "kotlin.collections.";

  /**
   * Guava's and Kotlin's layouts, made the first time a value of one of their classes is read: each
   * layout is a lambda, and spinning dozens of them would hold up a host's first dump for tens of
   * milliseconds whatever its values.
   */
  private static final class Known {
    static final Map<String, Layout> LAYOUTS = layouts();
  }

  /** The layout of the class named {@code className}, or null; no table is made for other classes. */
  private static Layout layoutOf(String className) {
    if (className.startsWith(ScalaCollections.PACKAGE)) {
      return ScalaCollections.LAYOUTS.get(className);
    }
    return className.startsWith(GUAVA) || className.startsWith(KOTLIN) ? Known.LAYOUTS.get(className) : null;
  }

  private static Map<String, Layout> layouts() {
    return Map.ofEntries(
        Map.entry(GUAVA + "RegularImmutableList", (v, max) -> array(get(v, "array"), -1, max)),
        Map.entry(GUAVA + "SingletonImmutableList", (v, max) -> single(get(v, "element"))),
        Map.entry(GUAVA + "RegularImmutableSet", (v, max) -> array(get(v, "elements"), -1, max)),
        Map.entry(GUAVA + "SingletonImmutableSet", (v, max) -> single(get(v, "element"))),
        Map.entry(GUAVA + "RegularImmutableSortedSet", (v, max) -> inner(get(v, "elements"), max)),
        Map.entry(GUAVA + "RegularImmutableMap", (v, max) -> entries(get(v, "entries"), max)),
        Map.entry(GUAVA + "RegularImmutableBiMap", (v, max) -> entries(get(v, "entries"), max)),
        Map.entry(GUAVA + "SingletonImmutableBiMap",
            (v, max) -> new CollectionContents(pair(get(v, "singleKey"), get(v, "singleValue")), 1, true)),
        Map.entry(GUAVA + "ImmutableSortedMap",
            (v, max) -> zip(inner(get(v, "keySet"), max), inner(get(v, "valueList"), max))),
        Map.entry(KOTLIN + "EmptyList", (v, max) -> new CollectionContents(List.of(), 0, false)),
        Map.entry(KOTLIN + "EmptySet", (v, max) -> new CollectionContents(List.of(), 0, false)),
        Map.entry(KOTLIN + "EmptyMap", (v, max) -> new CollectionContents(List.of(), 0, true)),
        Map.entry(KOTLIN + "ArrayDeque", LibraryCollections::kotlinDeque),
        Map.entry(KOTLIN + "builders.ListBuilder",
            (v, max) -> array(get(v, "backing"), (Integer) get(v, "length"), max)),
        Map.entry(KOTLIN + "builders.MapBuilder", (v, max) -> kotlinMap(v, max, true)),
        Map.entry(KOTLIN + "builders.SetBuilder", (v, max) -> kotlinMap(get(v, "backing"), max, false)));
  }

  /**
   * The contents of {@code value} when its class has a known layout and the fields are as
   * expected, else {@code null}.
   */
  static CollectionContents read(Object value, int max) {
    return readBy(layoutOf(value.getClass().getName()), value, max);
  }

  /** The contents of {@code value} read by {@code layout}; {@code null} without one or when the fields are not as expected. */
  static CollectionContents readBy(Layout layout, Object value, int max) {
    if (layout == null) {
      return null;
    }
    try {
      return layout.read(value, Math.max(0, max));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The value of a readable field of {@code owner}; throws when there is no such field. */
  static Object get(Object owner, String name) throws ReflectiveOperationException {
    return ObjectFields.read(owner, name);
  }

  /** The first {@code length} slots of an array ({@code -1}: all of it). */
  static CollectionContents array(Object array, int length, int max) {
    int size = length < 0 ? Array.getLength(array) : Math.min(length, Array.getLength(array));
    List<Object> items = new ArrayList<>(Math.min(size, max));
    for (int i = 0; i < size && i < max; i++) {
      items.add(Array.get(array, i));
    }
    return new CollectionContents(items, size, false);
  }

  static CollectionContents single(Object element) {
    List<Object> items = new ArrayList<>(1);
    items.add(element);
    return new CollectionContents(items, 1, false);
  }

  static List<Object> pair(Object key, Object value) {
    List<Object> items = new ArrayList<>(2);
    items.add(key);
    items.add(value);
    return items;
  }

  /** A collection held by another of known layout (a sorted set's list). */
  static CollectionContents inner(Object collection, int max) throws ReflectiveOperationException {
    Layout layout = collection == null ? null : layoutOf(collection.getClass().getName());
    if (layout == null) {
      throw new NoSuchFieldException("no layout for the inner collection");
    }
    return layout.read(collection, max);
  }

  /** Guava's entries: {@code ImmutableEntry} objects, read by their {@code key} and {@code value}. */
  private static CollectionContents entries(Object array, int max) throws ReflectiveOperationException {
    int size = Array.getLength(array);
    List<Object> items = new ArrayList<>(2 * Math.min(size, max));
    for (int i = 0; i < size && i < max; i++) {
      Object entry = Array.get(array, i);
      items.addAll(pair(get(entry, "key"), get(entry, "value")));
    }
    return new CollectionContents(items, size, true);
  }

  private static CollectionContents zip(CollectionContents keys, CollectionContents values) {
    List<Object> items = new ArrayList<>(2 * keys.items().size());
    for (int i = 0; i < keys.items().size() && i < values.items().size(); i++) {
      items.addAll(pair(keys.items().get(i), values.items().get(i)));
    }
    return new CollectionContents(items, keys.size(), true);
  }

  /** A ring buffer: {@code size} elements from {@code head} on, wrapping at the array's end. */
  private static CollectionContents kotlinDeque(Object deque, int max) throws ReflectiveOperationException {
    Object array = get(deque, "elementData");
    int head = (Integer) get(deque, "head");
    int size = (Integer) get(deque, "size");
    int capacity = Array.getLength(array);
    List<Object> items = new ArrayList<>(Math.min(size, max));
    for (int i = 0; i < size && i < max && capacity > 0; i++) {
      items.add(Array.get(array, Math.floorMod(head + i, capacity)));
    }
    return new CollectionContents(items, size, false);
  }

  /**
   * A hash map in parallel arrays: slot {@code i < length} is in use when {@code presenceArray[i]}
   * is not negative (a removed entry leaves a tombstone).
   */
  private static CollectionContents kotlinMap(Object map, int max, boolean withValues)
      throws ReflectiveOperationException {
    Object keys = get(map, "keysArray");
    Object values = withValues ? get(map, "valuesArray") : null;
    int[] presence = (int[]) get(map, "presenceArray");
    int length = Math.min((Integer) get(map, "length"), presence.length);
    int size = (Integer) get(map, "size");
    List<Object> items = new ArrayList<>();
    for (int i = 0, read = 0; i < length && read < max; i++) {
      if (presence[i] >= 0) {
        items.add(Array.get(keys, i));
        if (withValues) {
          items.add(values == null ? null : Array.get(values, i));
        }
        read++;
      }
    }
    return new CollectionContents(items, size, withValues);
  }
}
