package dev.offlinedebug.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep iteration order, which {@code Map.copyOf} does not. */
final class Collections2 {
  private Collections2() {}

  static <K, V> Map<K, V> copyOfOrdered(Map<K, V> map) {
    // Most throwables have no fields: no copy to make.
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
