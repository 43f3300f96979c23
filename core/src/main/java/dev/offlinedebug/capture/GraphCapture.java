package dev.offlinedebug.capture;

import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Captures the exception graph of one dump: every throwable reachable through causes and suppressed
 * throwables, each once (by identity), in breadth-first order, without recursion, so that cycles,
 * shared throwables and cause chains thousands deep cost neither the stack nor repeated work.
 * Calls only the methods {@code printStackTrace} calls, and survives them throwing.
 */
final class GraphCapture {
  private final FrameFormat format;
  private final Function<Throwable, List<RecordedFrame>> recorded;

  GraphCapture(FrameFormat format, Function<Throwable, List<RecordedFrame>> recorded) {
    this.format = format;
    this.recorded = recorded;
  }

  ThrowableGraph capture(Throwable root, ValueCapture values, ByteBudget budget) {
    List<Throwable> order = new ArrayList<>();
    Map<Throwable, Integer> index = new IdentityHashMap<>();
    List<Integer> causes = new ArrayList<>();
    List<List<Integer>> suppressed = new ArrayList<>();
    indexOf(root, order, index);
    for (int i = 0; i < order.size(); i++) {
      Throwable t = order.get(i);
      Throwable cause = causeOf(t);
      causes.add(cause == null ? ThrowableInfo.NO_CAUSE : indexOf(cause, order, index));
      List<Integer> indexes = new ArrayList<>();
      for (Throwable s : suppressedOf(t)) {
        if (s != null) {
          indexes.add(indexOf(s, order, index));
        }
      }
      suppressed.add(indexes);
    }
    // Frames and texts of the whole graph first: the byte budget goes to the trace before values.
    List<List<FrameInfo>> frames = new ArrayList<>(order.size());
    for (Throwable t : order) {
      frames.add(frames(t, budget));
    }
    List<ThrowableInfo> infos = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      Throwable t = order.get(i);
      String type = t.getClass().getName();
      String message = messageOf(t);
      String description = descriptionOf(t, type, message);
      budget.chargeName(type);
      budget.chargeText(message == null ? 0 : message.length());
      Map<String, Value> fields = FastThrowNote.addTo(t, ExceptionState.of(t, values));
      List<FrameInfo> withLocals =
          LocalsMatcher.attach(frames.get(i), recordedFor(t), frame -> locals(frame, values));
      infos.add(
          new ThrowableInfo(type, message, description, withLocals, causes.get(i), suppressed.get(i), fields));
    }
    return new ThrowableGraph(infos);
  }

  private static int indexOf(Throwable t, List<Throwable> order, Map<Throwable, Integer> index) {
    Integer known = index.get(t);
    if (known != null) {
      return known;
    }
    index.put(t, order.size());
    order.add(t);
    return order.size() - 1;
  }

  private List<FrameInfo> frames(Throwable t, ByteBudget budget) {
    StackTraceElement[] trace;
    try {
      trace = t.getStackTrace();
    } catch (RuntimeException | LinkageError e) {
      return List.of();
    }
    List<FrameInfo> frames = new ArrayList<>(trace.length);
    for (StackTraceElement element : trace) {
      if (element != null) {
        FrameInfo frame = format.frame(element);
        budget.chargeName(frame.className());
        budget.chargeName(frame.methodName());
        budget.chargeName(frame.fileName());
        budget.charge(ByteBudget.SMALL);
        frames.add(frame);
      }
    }
    return frames;
  }

  private List<RecordedFrame> recordedFor(Throwable t) {
    try {
      List<RecordedFrame> frames = recorded.apply(t);
      return frames == null ? List.of() : frames;
    } catch (RuntimeException | LinkageError e) {
      return List.of();
    }
  }

  private static List<LocalVariable> locals(RecordedFrame frame, ValueCapture values) {
    String[] names = frame.names();
    String[] types = frame.types();
    Object[] live = frame.values();
    if (names == null || types == null || live == null) {
      return List.of();
    }
    int count = Math.min(names.length, Math.min(types.length, live.length));
    List<LocalVariable> locals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = names[i] == null ? "local" + i : names[i];
      String type = types[i] == null ? "java.lang.Object" : types[i];
      locals.add(new LocalVariable(name, type, values.named(name, live[i], type, 0)));
    }
    return locals;
  }

  private static Throwable causeOf(Throwable t) {
    try {
      Throwable cause = t.getCause();
      return cause == t ? null : cause;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static Throwable[] suppressedOf(Throwable t) {
    try {
      Throwable[] suppressed = t.getSuppressed();
      return suppressed == null ? new Throwable[0] : suppressed;
    } catch (RuntimeException | LinkageError e) {
      return new Throwable[0];
    }
  }

  private static String messageOf(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** {@code toString()}, the header {@code printStackTrace} prints; Throwable's own format if it fails. */
  private static String descriptionOf(Throwable t, String type, String message) {
    try {
      String description = t.toString();
      if (description != null) {
        return description;
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // fall through to Throwable's own format
    }
    return message == null ? type : type + ": " + message;
  }
}
