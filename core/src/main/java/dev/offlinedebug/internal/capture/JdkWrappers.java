package dev.offlinedebug.internal.capture;

import java.util.Map;
import java.util.Set;

/**
 * The collection a JDK wrapper ({@code Collections.unmodifiable*}, {@code synchronized*}, {@code
 * checked*}, {@code asLifoQueue}) wraps, and the map a JDK set keeps its elements in ({@code
 * TreeSet}, {@code ConcurrentSkipListSet}, {@code Collections.newSetFromMap}), read from their
 * fields ({@link JdkFieldCollections#field}): calling the wrapper would run the wrapped collection's
 * methods, a synchronized wrapper's would wait for its monitor, and a sorted set's may be a range
 * view whose every method runs the comparator.
 */
final class JdkWrappers {
  private JdkWrappers() {}

  private static final String COLLECTIONS = "java.util.Collections$";

  /** The sets whose elements are the keys of their field {@code m}. */
  private static final Set<String> KEY_SETS = Set.of(
      "java.util.TreeSet", "java.util.concurrent.ConcurrentSkipListSet", COLLECTIONS + "SetFromMap");

  /** The collection or map {@code value} wraps, or {@code null} when it is no such wrapper or unreadable. */
  static Object wrapped(Object value) {
    String name = value.getClass().getName();
    if (!name.startsWith(COLLECTIONS)) {
      return null;
    }
    String nested = name.substring(COLLECTIONS.length());
    if (nested.equals("AsLIFOQueue")) {
      return field(value, "q");
    }
    if (!(nested.startsWith("Unmodifiable") || nested.startsWith("Synchronized") || nested.startsWith("Checked"))) {
      return null;
    }
    // Every variant keeps what it wraps in its root class's field: c for collections, m for maps.
    return field(value, value instanceof Map<?, ?> ? "m" : "c");
  }

  /**
   * The map whose keys are the elements of the JDK set {@code value}, or {@code null} when it is no
   * such set or unreadable. A range view's map is a view too, which the capture does not read.
   */
  static Object keysOf(Object value) {
    return KEY_SETS.contains(value.getClass().getName()) ? field(value, "m") : null;
  }

  private static Object field(Object value, String name) {
    try {
      return JdkFieldCollections.field(value, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
