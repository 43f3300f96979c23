package dev.offlinedebug.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An object captured field by field (read reflectively, never through its methods).
 *
 * @param id unique within the dump; later references to the same object are {@link RefValue}s
 * @param type the object's runtime class name; never null
 * @param fields field name to value, in declaration order, superclass fields first; never null
 * @since 0.1
 */
public record ObjectValue(int id, String type, Map<String, Value> fields) implements CompositeValue {
  public ObjectValue {
    Objects.requireNonNull(type, "type");
    fields = Collections2.copyOfOrdered(fields);
  }

  @Override
  public List<Value> children() {
    return List.copyOf(fields.values());
  }
}
