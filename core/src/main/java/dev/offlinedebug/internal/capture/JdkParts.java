package dev.offlinedebug.internal.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state of JDK holder types read through their public API, for objects whose runtime class is a
 * JDK class: {@code Optional}s, atomics, adders and map entries as named parts, atomic arrays as
 * elements. None of these reads takes a monitor or calls what the holder holds; accumulators are not
 * among them, as reading one applies the application's function.
 */
final class JdkParts {
  private JdkParts() {}

  /** The entries of {@code Collections}' wrappers hand reading on to the wrapped entry. */
  private static final String WRAPPERS = "java.util.Collections$";

  /** Named parts of a JDK holder, or {@code null} when {@code value} is none. */
  static Map<String, Object> of(Object value) {
    if (value instanceof Optional<?> o) {
      return optional(o.isPresent(), o.orElse(null));
    }
    if (value instanceof OptionalInt o) {
      return optional(o.isPresent(), o.isPresent() ? o.getAsInt() : null);
    }
    if (value instanceof OptionalLong o) {
      return optional(o.isPresent(), o.isPresent() ? o.getAsLong() : null);
    }
    if (value instanceof OptionalDouble o) {
      return optional(o.isPresent(), o.isPresent() ? o.getAsDouble() : null);
    }
    if (value instanceof AtomicInteger a) {
      return Map.of("value", a.get());
    }
    if (value instanceof AtomicLong a) {
      return Map.of("value", a.get());
    }
    if (value instanceof AtomicBoolean a) {
      return Map.of("value", a.get());
    }
    if (value instanceof AtomicReference<?> a) {
      return single("value", a.get());
    }
    if (value instanceof LongAdder a) {
      return Map.of("value", a.sum());
    }
    if (value instanceof DoubleAdder a) {
      return Map.of("value", a.sum());
    }
    if (value instanceof Map.Entry<?, ?> e && !value.getClass().getName().startsWith(WRAPPERS)) {
      Map<String, Object> parts = new LinkedHashMap<>();
      parts.put("key", e.getKey());
      parts.put("value", e.getValue());
      return parts;
    }
    return null;
  }

  private static Map<String, Object> optional(boolean present, Object content) {
    return present ? single("value", content) : Map.of();
  }

  private static Map<String, Object> single(String name, Object content) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put(name, content);
    return parts;
  }

  /** The first {@code max} elements of a JDK atomic array, or {@code null} when {@code value} is none. */
  static Object[] elements(Object value, int max) {
    int length = length(value);
    if (length < 0) {
      return null;
    }
    Object[] copy = new Object[Math.min(length, Math.max(0, max))];
    for (int i = 0; i < copy.length; i++) {
      if (value instanceof AtomicIntegerArray a) {
        copy[i] = a.get(i);
      } else if (value instanceof AtomicLongArray a) {
        copy[i] = a.get(i);
      } else {
        copy[i] = ((AtomicReferenceArray<?>) value).get(i);
      }
    }
    return copy;
  }

  /** The length of a JDK atomic array, else {@code -1}. */
  static int length(Object value) {
    if (value instanceof AtomicIntegerArray a) {
      return a.length();
    }
    if (value instanceof AtomicLongArray a) {
      return a.length();
    }
    if (value instanceof AtomicReferenceArray<?> a) {
      return a.length();
    }
    return -1;
  }
}
