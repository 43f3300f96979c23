package dev.offlinedebug.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One throwable of a dump's exception graph. Causes and suppressed throwables are referred to by
 * their index in the {@link ThrowableGraph}, so cycles and shared throwables need no recursion.
 *
 * @param type the throwable's class name; never null
 * @param message {@code getMessage()}, or {@code null}
 * @param description {@code toString()}: the header line {@code printStackTrace} prints (differs
 *     from {@code type + ": " + message} when the class overrides {@code toString} or {@code
 *     getLocalizedMessage}); never null
 * @param frames the stack trace, innermost first; never null
 * @param cause the index of the cause in the graph, or {@code -1}
 * @param suppressed indexes of the suppressed throwables in the graph; never null
 * @param fields extra state of the exception object read from its own fields (for example {@code
 *     SQLException}'s SQL state and vendor code), by field name; never null
 * @since 0.1
 */
public record ThrowableInfo(
    String type,
    String message,
    String description,
    List<FrameInfo> frames,
    int cause,
    List<Integer> suppressed,
    Map<String, Value> fields) {

  /** The value of {@link #cause} when there is none. */
  public static final int NO_CAUSE = -1;

  public ThrowableInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    frames = List.copyOf(frames);
    suppressed = List.copyOf(suppressed);
    fields = Collections2.copyOfOrdered(fields);
  }

  /** Whether any frame carries captured locals. */
  public boolean hasLocals() {
    for (FrameInfo frame : frames) {
      if (frame.localsCaptured()) {
        return true;
      }
    }
    return false;
  }
}
