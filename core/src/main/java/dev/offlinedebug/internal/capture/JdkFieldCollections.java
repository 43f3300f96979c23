package dev.offlinedebug.internal.capture;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;

/**
 * JDK collections whose public methods take a monitor or lock ({@code Vector}, {@code Stack},
 * {@code Hashtable}, blocking queues), read from their fields by the JDK's layout instead, as is an
 * application subclass of one (its methods are never called either). A field is read by reflection
 * where the module system allows, through the agent's getter ({@link OpenedJdkFields}), or as
 * serialization reads it ({@link SerialFields}, JDK 24 and later, non-transient fields only). A
 * plain {@code Hashtable} also reads without either through methods that take no monitor. Whatever
 * cannot be read this way reads nothing; the value is then captured as any other JDK object.
 */
final class JdkFieldCollections {
  private JdkFieldCollections() {}

  private static final String UTIL = "java.util.";
  private static final String CONCURRENT = "java.util.concurrent.";

  /**
   * The layout of the JDK class named {@code name}, or null. A switch, not a table of lambdas: only
   * the layout asked for is made, and a host's first dump does not wait for the others.
   */
  private static LibraryCollections.Layout layoutOf(String name) {
    return switch (name) {
      case UTIL + "Vector", UTIL + "Stack" -> JdkFieldCollections::vector;
      case UTIL + "Hashtable" -> JdkFieldCollections::hashtable;
      case CONCURRENT + "ArrayBlockingQueue" -> JdkFieldCollections::arrayQueue;
      case CONCURRENT + "LinkedBlockingQueue" ->
          (v, max) -> nodes(field(field(v, "head"), "next"), ((Number) field(v, "count")).intValue(), max);
      case CONCURRENT + "LinkedBlockingDeque" -> (v, max) -> nodes(field(v, "first"), (Integer) field(v, "count"), max);
      case CONCURRENT + "PriorityBlockingQueue" ->
          (v, max) -> LibraryCollections.array(field(v, "queue"), (Integer) field(v, "size"), max);
      default -> null;
    };
  }

  /** The layout of the nearest JDK class of a type, or null. */
  private static final ClassValue<LibraryCollections.Layout> BY_TYPE =
      new ClassValue<>() {
        @Override
        protected LibraryCollections.Layout computeValue(Class<?> type) {
          Class<?> c = type;
          while (c != null && !JdkClasses.isJdk(c)) {
            c = c.getSuperclass();
          }
          return c == null ? null : layoutOf(c.getName());
        }
      };

  /** The contents of {@code value} when its class or JDK superclass has a known layout, else null. */
  static CollectionContents read(Object value, int max) {
    return LibraryCollections.readBy(BY_TYPE.get(value.getClass()), value, max);
  }

  /**
   * The instance field {@code name} of a JDK object (or of its JDK superclass), read by whichever
   * route works here; throws when none does.
   */
  static Object field(Object owner, String name) throws ReflectiveOperationException {
    ObjectFields.Slot slot = owner == null ? null : ObjectFields.named(owner.getClass(), name);
    if (slot != null) {
      return slot.get(owner);
    }
    Map<String, Object> serial = owner == null ? null : SerialFields.of(owner);
    if (serial == null || !serial.containsKey(name)) {
      throw new NoSuchFieldException(name);
    }
    return serial.get(name);
  }

  private static CollectionContents vector(Object vector, int max) throws ReflectiveOperationException {
    return LibraryCollections.array(field(vector, "elementData"), (Integer) field(vector, "elementCount"), max);
  }

  /** A ring buffer: {@code count} elements from {@code takeIndex} on, wrapping at the array's end. */
  private static CollectionContents arrayQueue(Object queue, int max) throws ReflectiveOperationException {
    Object[] items = (Object[]) field(queue, "items");
    int take = (Integer) field(queue, "takeIndex");
    int count = (Integer) field(queue, "count");
    List<Object> read = new ArrayList<>(Math.min(count, max));
    for (int i = 0; i < count && i < max && items.length > 0; i++) {
      read.add(items[Math.floorMod(take + i, items.length)]);
    }
    return new CollectionContents(read, count, false);
  }

  /**
   * Linked nodes ({@code item}, {@code next}) from {@code node} on; a node linked to itself was
   * removed meanwhile, where reading stops.
   */
  private static CollectionContents nodes(Object node, int size, int max) throws ReflectiveOperationException {
    List<Object> read = new ArrayList<>(Math.min(size, max));
    for (Object n = node, previous = null; n != null && n != previous && read.size() < max; ) {
      read.add(field(n, "item"));
      previous = n;
      n = field(n, "next");
    }
    return new CollectionContents(read, size, false);
  }

  /**
   * Its buckets' entry chains, or for a plain {@code Hashtable} whose fields are closed its entry
   * set: that set's size and iterator read the table without the monitor the {@code Hashtable}'s
   * own methods take (JDK 17 to 25 sources).
   */
  private static CollectionContents hashtable(Object table, int max) throws ReflectiveOperationException {
    ObjectFields.Slot buckets = ObjectFields.named(table.getClass(), "table");
    if (buckets == null) {
      return table.getClass() == Hashtable.class ? entrySet((Hashtable<?, ?>) table, max) : null;
    }
    Object array = buckets.get(table);
    int count = (Integer) field(table, "count");
    List<Object> read = new ArrayList<>();
    // From the last bucket down, as the Hashtable's own iterators go.
    for (int i = Array.getLength(array) - 1; i >= 0 && read.size() < 2 * max; i--) {
      for (Object e = Array.get(array, i); e != null && read.size() < 2 * max; e = field(e, "next")) {
        read.add(field(e, "key"));
        read.add(field(e, "value"));
      }
    }
    return new CollectionContents(read, count, true);
  }

  private static CollectionContents entrySet(Hashtable<?, ?> table, int max) {
    // The synchronized view's spliterator() hands out its set's without the monitor.
    Spliterator<? extends Map.Entry<?, ?>> entries = table.entrySet().spliterator();
    int size = (int) entries.getExactSizeIfKnown();
    List<Object> read = new ArrayList<>();
    while (read.size() < 2 * max && entries.tryAdvance(e -> {
      read.add(e.getKey());
      read.add(e.getValue());
    })) {
      // the action adds the entry
    }
    return new CollectionContents(read, Math.max(size, read.size() / 2), true);
  }
}
