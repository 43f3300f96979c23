package dev.offlinedebug.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JDK map, possibly cut to the configured {@code maxCollectionElements}.
 *
 * @param id unique within the dump; later references to the same object are {@link RefValue}s
 * @param type the runtime class name; never null
 * @param entries the captured entries in iteration order; never null
 * @param size the map's size; greater than {@code entries.size()} when cut
 * @since 0.1
 */
public record MapValue(int id, String type, List<Entry> entries, int size) implements CompositeValue {
  public MapValue {
    Objects.requireNonNull(type, "type");
    entries = List.copyOf(entries);
  }

  @Override
  public List<Value> children() {
    List<Value> children = new ArrayList<>(2 * entries.size());
    for (Entry entry : entries) {
      children.add(entry.key());
      children.add(entry.value());
    }
    return children;
  }

  /** Whether entries were left out. */
  public boolean truncated() {
    return size > entries.size();
  }

  /**
   * One key-value pair.
   *
   * @param key never null
   * @param value never null
   */
  public record Entry(Value key, Value value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
