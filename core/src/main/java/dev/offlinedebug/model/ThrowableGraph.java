package dev.offlinedebug.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logged throwable and every throwable reachable from it through causes and suppressed
 * throwables, each once. Index {@code 0} is the logged throwable.
 *
 * @param throwables never empty, never null
 * @since 0.1
 */
public record ThrowableGraph(List<ThrowableInfo> throwables) {
  public ThrowableGraph {
    throwables = List.copyOf(throwables);
    if (throwables.isEmpty()) {
      throw new IllegalArgumentException("a throwable graph holds at least the logged throwable");
    }
    for (int i = 0; i < throwables.size(); i++) {
      ThrowableInfo t = throwables.get(i);
      checkIndex(throwables, i, t.cause(), true);
      List<Integer> suppressed = t.suppressed();
      for (int j = 0; j < suppressed.size(); j++) {
        checkIndex(throwables, i, suppressed.get(j), false);
      }
    }
  }

  /** Static: a compact constructor runs before the {@code throwables} field is assigned. */
  private static void checkIndex(List<ThrowableInfo> throwables, int owner, int index, boolean mayBeNone) {
    if ((mayBeNone && index == ThrowableInfo.NO_CAUSE) || (index >= 0 && index < throwables.size())) {
      return;
    }
    throw new IllegalArgumentException(
        "throwable " + owner + " refers to throwable " + index + ", expected 0.." + (throwables.size() - 1));
  }

  /**
   * Every object, array and map of the graph (frames' locals and throwables' fields, and all they
   * reach) by its {@link CompositeValue#id() id}, so that a {@link RefValue} resolves wherever it
   * occurs, even before the value it refers to. Ids are unique dump-wide: a frame may refer to an
   * object first captured in another throwable's frame. Each composite is walked once, without
   * recursion, so a deep or crafted dump costs time and memory linear in its size; where a crafted
   * dump uses an id twice, the first met wins (locals before fields, throwables in order).
   *
   * @return a new, modifiable map on each call
   */
  public Map<Integer, CompositeValue> valuesById() {
    Deque<Value> pending = new ArrayDeque<>();
    // Throwables share frame objects with the one they are printed under: each frame's locals once.
    Set<FrameInfo> frames = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ThrowableInfo throwable : throwables) {
      for (FrameInfo frame : throwable.frames()) {
        if (frames.add(frame)) {
          frame.locals().forEach(local -> pending.add(local.value()));
        }
      }
      pending.addAll(throwable.fields().values());
    }
    Map<Integer, CompositeValue> byId = new HashMap<>();
    while (!pending.isEmpty()) {
      if (pending.pop() instanceof CompositeValue composite && byId.putIfAbsent(composite.id(), composite) == null) {
        pending.addAll(composite.children());
      }
    }
    return byId;
  }

  /** The logged throwable. */
  public ThrowableInfo root() {
    return throwables.get(0);
  }

  /** The throwable at {@code index}. */
  public ThrowableInfo get(int index) {
    return throwables.get(index);
  }

  /** The cause of {@code throwable}, if it has one. */
  public Optional<ThrowableInfo> cause(ThrowableInfo throwable) {
    int index = throwable.cause();
    return index == ThrowableInfo.NO_CAUSE ? Optional.empty() : Optional.of(throwables.get(index));
  }

  /**
   * The throwable reached from the logged one by following {@code n} causes: {@code 0} is the logged
   * throwable. Empty when the chain is shorter.
   */
  public Optional<ThrowableInfo> nthCause(int n) {
    ThrowableInfo current = root();
    for (int i = 0; i < n; i++) {
      if (current.cause() == ThrowableInfo.NO_CAUSE) {
        return Optional.empty();
      }
      current = throwables.get(current.cause());
    }
    return Optional.of(current);
  }
}
