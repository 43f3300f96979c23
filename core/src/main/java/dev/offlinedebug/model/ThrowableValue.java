package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A throwable of the dump's own exception graph held by a local variable, field, element or map
 * entry: the logged throwable, one of its causes or suppressed throwables. The graph entry at
 * {@link #index()} carries its message, trace and fields; this value only points there.
 *
 * <pre>{@code
 * if (value instanceof ThrowableValue t && t.index() < dump.exception().throwables().size()) {
 *   ThrowableInfo held = dump.exception().get(t.index());
 * }
 * }</pre>
 *
 * <p>A throwable outside the graph is a {@link TextValue} of its type and header line instead. A
 * damaged dump may name an index the graph does not have: check it before {@link
 * ThrowableGraph#get(int)}, and show {@link #text()} when it is out of range.
 *
 * @param type the throwable's class name; never null
 * @param text its header line ({@code type: message}), cut to {@code maxStringLength}; never null
 * @param index its index in {@link ThrowableGraph#throwables()}; {@code 0} is the logged throwable
 * @since 0.2
 */
public record ThrowableValue(String type, String text, int index) implements Value {
  public ThrowableValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (index < 0) {
      throw new IllegalArgumentException("throwable index " + index + ", expected 0 or more");
    }
  }
}
