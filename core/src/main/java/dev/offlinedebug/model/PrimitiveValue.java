package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A primitive or boxed primitive value.
 *
 * @param type {@code "int"}, {@code "java.lang.Integer"}, ...: the declared primitive type or the
 *     box's class name; never null
 * @param value the value as its box ({@link Boolean}, {@link Byte}, {@link Short}, {@link
 *     Character}, {@link Integer}, {@link Long}, {@link Float} or {@link Double}); never null
 * @since 0.1
 */
public record PrimitiveValue(String type, Object value) implements Value {
  public PrimitiveValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    // Anything else would be printed unquoted where a number is expected (JSON, the terminal).
    if (!(value instanceof Boolean || value instanceof Byte || value instanceof Short || value instanceof Character
        || value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double)) {
      throw new IllegalArgumentException("not a primitive box: " + value.getClass().getName());
    }
  }
}
