package dev.offlinedebug.model;

import java.util.List;
import java.util.Optional;

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
      for (int s : t.suppressed()) {
        checkIndex(throwables, i, s, false);
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
