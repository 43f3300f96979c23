package dev.offlinedebug.replay;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The objects, arrays and maps of the replayed values by their dump-wide id, so that a {@link
 * RefValue} resolves wherever it occurs, even before the value it refers to is visited.
 */
final class ValueIndex {
  private final Map<Integer, Value> byId = new HashMap<>();

  private ValueIndex() {}

  /**
   * The values of every frame of every throwable in {@code exception}: ids are unique dump-wide,
   * so a replayed frame may refer to an object first captured in another throwable's frame.
   */
  static ValueIndex of(ThrowableGraph exception) {
    ValueIndex index = new ValueIndex();
    for (ThrowableInfo t : exception.throwables()) {
      t.frames().forEach(f -> f.locals().forEach(l -> index.add(l.value())));
      t.fields().values().forEach(index::add);
    }
    return index;
  }

  /** Adds {@code value} and everything reachable from it. */
  void add(Value value) {
    Deque<Value> pending = new ArrayDeque<>();
    pending.push(value);
    while (!pending.isEmpty()) {
      Value v = pending.pop();
      Integer id = idOf(v);
      if (id != null && byId.putIfAbsent(id, v) != null) {
        continue;
      }
      forEachChild(v, pending::push);
    }
  }

  /** The value {@code ref} refers to, with refs followed; {@code null} when it is not in the dump. */
  Value resolve(Value value) {
    return value instanceof RefValue ref ? byId.get(ref.id()) : value;
  }

  /** All objects, arrays and maps. */
  Iterable<Value> definitions() {
    return byId.values();
  }

  static Integer idOf(Value value) {
    if (value instanceof ObjectValue o) {
      return o.id();
    }
    if (value instanceof ArrayValue a) {
      return a.id();
    }
    if (value instanceof MapValue m) {
      return m.id();
    }
    return null;
  }

  static void forEachChild(Value value, Consumer<Value> action) {
    if (value instanceof ObjectValue o) {
      o.fields().values().forEach(action);
    } else if (value instanceof ArrayValue a) {
      a.elements().forEach(action);
    } else if (value instanceof MapValue m) {
      for (MapValue.Entry e : m.entries()) {
        action.accept(e.key());
        action.accept(e.value());
      }
    }
  }
}
