package dev.offlinedebug.render;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** The objects, arrays and maps of a dump by their {@code id}, so back-references can name them. */
final class ValueIndex {
  private ValueIndex() {}

  static Map<Integer, Value> of(Dump dump) {
    Deque<Value> pending = new ArrayDeque<>();
    // Throwables share frame objects with the one they are printed under: each frame's locals once.
    Set<FrameInfo> frames = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ThrowableInfo throwable : dump.exception().throwables()) {
      pending.addAll(throwable.fields().values());
      for (FrameInfo frame : throwable.frames()) {
        if (!frames.add(frame)) {
          continue;
        }
        for (LocalVariable local : frame.locals()) {
          pending.add(local.value());
        }
      }
    }
    Map<Integer, Value> byId = new HashMap<>();
    while (!pending.isEmpty()) {
      Value value = pending.pop();
      if (value instanceof ObjectValue object) {
        if (byId.putIfAbsent(object.id(), object) == null) {
          pending.addAll(object.fields().values());
        }
      } else if (value instanceof ArrayValue array) {
        if (byId.putIfAbsent(array.id(), array) == null) {
          pending.addAll(array.elements());
        }
      } else if (value instanceof MapValue map && byId.putIfAbsent(map.id(), map) == null) {
        for (MapValue.Entry entry : map.entries()) {
          pending.add(entry.key());
          pending.add(entry.value());
        }
      }
    }
    return byId;
  }
}
