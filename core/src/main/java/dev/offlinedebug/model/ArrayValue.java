package dev.offlinedebug.model;

import java.util.List;
import java.util.Objects;

/**
 * An array or a JDK collection ({@code List}, {@code Set}, {@code Queue}, ...), possibly cut to the
 * configured {@code maxCollectionElements}.
 *
 * @param id unique within the dump; later references to the same object are {@link RefValue}s
 * @param type the runtime class name ({@code "int[]"}, {@code "java.util.ArrayList"}); never null
 * @param elements the captured elements in iteration order; never null
 * @param length the array length or collection size; greater than {@code elements.size()} when cut
 * @since 0.1
 */
public record ArrayValue(int id, String type, List<Value> elements, int length) implements CompositeValue {
  public ArrayValue {
    Objects.requireNonNull(type, "type");
    elements = List.copyOf(elements);
  }

  @Override
  public List<Value> children() {
    return elements;
  }

  /** Whether elements were left out. */
  public boolean truncated() {
    return length > elements.size();
  }
}
