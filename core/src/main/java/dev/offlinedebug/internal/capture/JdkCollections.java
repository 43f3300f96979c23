package dev.offlinedebug.internal.capture;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The collections and maps the capture may read through their public API ({@code size()}, {@code
 * iterator()}, {@code entrySet().iterator()}): JDK classes whose reading touches only their own
 * fields, plus application subclasses of them that override none of the methods that reading calls.
 * Everything else is read by its fields or not at all, because its methods may wait for a monitor or
 * lock another thread holds ({@code Vector}, {@code Hashtable}, {@code Collections.synchronized*},
 * blocking queues) or run application code (views ordered by a comparator or {@code compareTo},
 * wrappers around an application collection).
 */
final class JdkCollections {
  private JdkCollections() {}

  /**
   * Read by {@code size()} and iteration without a monitor or lock the application can hold and
   * without calling any method of an element, key, comparator or wrapped collection, in the JDK 17
   * and 25 sources. {@code TreeSet} and {@code ConcurrentSkipListSet} are absent: the same class is
   * also a range view whose iteration runs the comparator.
   */
  private static final Set<String> READABLE = Set.of(
      "java.util.ArrayList",
      "java.util.LinkedList",
      "java.util.ArrayDeque",
      "java.util.PriorityQueue",
      "java.util.HashSet",
      "java.util.LinkedHashSet",
      "java.util.RegularEnumSet",
      "java.util.JumboEnumSet",
      "java.util.Arrays$ArrayList",
      "java.util.ImmutableCollections$List12",
      "java.util.ImmutableCollections$ListN",
      "java.util.ImmutableCollections$SubList",
      "java.util.ImmutableCollections$Set12",
      "java.util.ImmutableCollections$SetN",
      "java.util.ImmutableCollections$Map1",
      "java.util.ImmutableCollections$MapN",
      "java.util.Collections$EmptyList",
      "java.util.Collections$EmptySet",
      "java.util.Collections$EmptyMap",
      "java.util.Collections$SingletonList",
      "java.util.Collections$SingletonSet",
      "java.util.Collections$SingletonMap",
      "java.util.Collections$CopiesList",
      "java.util.HashMap",
      "java.util.LinkedHashMap",
      "java.util.TreeMap",
      "java.util.IdentityHashMap",
      "java.util.WeakHashMap",
      "java.util.EnumMap",
      // size() and entrySet().iterator() go to its ConcurrentHashMap without its monitor.
      "java.util.Properties",
      "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.ConcurrentHashMap$KeySetView",
      "java.util.concurrent.ConcurrentSkipListMap",
      "java.util.concurrent.CopyOnWriteArrayList",
      "java.util.concurrent.CopyOnWriteArraySet",
      "java.util.concurrent.ConcurrentLinkedQueue",
      "java.util.concurrent.ConcurrentLinkedDeque");

  /** The methods reading calls on the object itself; an application override of any is not run. */
  private static final Set<String> READ_METHODS = Set.of(
      "size", "isEmpty", "iterator", "listIterator", "spliterator", "toArray", "entrySet", "keySet",
      "values", "forEach", "get", "stream");

  private static final ClassValue<Boolean> BY_API =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (!Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
            return false;
          }
          Class<?> c = type;
          for (; c != null && !JdkClasses.isJdk(c); c = c.getSuperclass()) {
            if (overridesReading(c)) {
              return false;
            }
          }
          return c != null && READABLE.contains(c.getName());
        }
      };

  /**
   * Whether an instance of runtime class {@code type} may be read through {@code size()} and
   * iteration ({@code entrySet()} for a map).
   */
  static boolean readableByApi(Class<?> type) {
    return BY_API.get(type);
  }

  private static boolean overridesReading(Class<?> c) {
    Method[] declared;
    try {
      declared = c.getDeclaredMethods();
    } catch (LinkageError | SecurityException e) {
      return true;
    }
    for (Method m : declared) {
      if (!Modifier.isStatic(m.getModifiers()) && READ_METHODS.contains(m.getName())) {
        return true;
      }
    }
    return false;
  }
}
