package dev.offlinedebug.capture;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * The collection a JDK wrapper ({@code Collections.unmodifiable*}, {@code synchronized*}, {@code
 * checked*}) wraps, read from its field: calling the wrapper would run the wrapped collection's
 * methods, and a synchronized wrapper's would wait for its monitor.
 */
final class JdkWrappers {
  private JdkWrappers() {}

  private static final String COLLECTIONS = "java.util.Collections$";

  /**
   * The collection or map {@code value} wraps, or {@code null} when {@code value} is no such
   * wrapper or its field cannot be read (reflection where the module system opens {@code java.util},
   * else {@link SerialFields}).
   */
  static Object wrapped(Object value) {
    Class<?> type = value.getClass();
    String name = type.getName();
    if (!name.startsWith(COLLECTIONS)) {
      return null;
    }
    String nested = name.substring(COLLECTIONS.length());
    if (!(nested.startsWith("Unmodifiable") || nested.startsWith("Synchronized") || nested.startsWith("Checked"))) {
      return null;
    }
    // Every variant keeps what it wraps in its root class's field: c for collections, m for maps.
    String field = value instanceof Map<?, ?> ? "m" : "c";
    try {
      Field reflective = ObjectFields.named(type, field);
      if (reflective != null) {
        return reflective.get(value);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    Map<String, Object> fields = SerialFields.of(value);
    return fields == null ? null : fields.get(field);
  }
}
