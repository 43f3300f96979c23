package dev.offlinedebug.internal.rebuild;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a dump's exception graph back into throwables, without recursion. Each throwable is built
 * after its cause (causes form chains that end in nothing or in a cycle), so constructors that take
 * a cause get it; the one throwable of each cycle whose cause is not built yet gets it with {@code
 * initCause} afterwards. Suppressed throwables are added last.
 *
 * <p>Only throwable classes are ever instantiated, and only those {@link RebuildAllowance} allows.
 * The exception's captured fields ({@code ThrowableInfo.fields()}) stay data: no value of the dump
 * is turned back into an object here, whatever type it claims.
 *
 * @since 0.1
 */
public final class ThrowableRebuilder {
  private ThrowableRebuilder() {}

  private static final int UNVISITED = 0;
  private static final int ON_PATH = 1;
  private static final int BUILT = 2;

  /**
   * The rebuilt throwable at index 0 of {@code graph}, with everything reachable from it: what
   * {@code Dump.rebuild()} returns.
   */
  public static Throwable rebuild(ThrowableGraph graph) {
    RebuildAllowance allowance = RebuildAllowance.current();
    int n = graph.throwables().size();
    Throwable[] built = new Throwable[n];
    int[] state = new int[n];
    List<Integer> deferred = new ArrayList<>();
    List<Integer> path = new ArrayList<>();
    for (int start = 0; start < n; start++) {
      path.clear();
      for (int x = start; x != ThrowableInfo.NO_CAUSE && state[x] == UNVISITED; x = graph.get(x).cause()) {
        state[x] = ON_PATH;
        path.add(x);
      }
      for (int k = path.size() - 1; k >= 0; k--) {
        int node = path.get(k);
        int cause = graph.get(node).cause();
        Throwable builtCause = cause == ThrowableInfo.NO_CAUSE ? null : built[cause];
        if (cause != ThrowableInfo.NO_CAUSE && builtCause == null) {
          deferred.add(node);
        }
        built[node] = create(graph.get(node), builtCause, allowance);
        state[node] = BUILT;
      }
    }
    for (int node : deferred) {
      setCause(built[node], built[graph.get(node).cause()]);
    }
    for (int node = 0; node < n; node++) {
      for (int s : graph.get(node).suppressed()) {
        addSuppressed(built[node], built[s]);
      }
    }
    return built[0];
  }

  private static Throwable create(ThrowableInfo info, Throwable cause, RebuildAllowance allowance) {
    StackTraceElement[] trace = trace(info);
    Class<? extends Throwable> type = allowance.load(info.type());
    if (type != null) {
      Throwable original = ThrowableFactory.create(type, info, trace, cause);
      if (original != null) {
        return original;
      }
    }
    RebuiltThrowable standIn = new RebuiltThrowable(info.type(), info.message(), info.description());
    standIn.setStackTrace(trace);
    setCause(standIn, cause);
    return standIn;
  }

  private static StackTraceElement[] trace(ThrowableInfo info) {
    StackTraceElement[] trace = new StackTraceElement[info.frames().size()];
    for (int i = 0; i < trace.length; i++) {
      FrameInfo frame = info.frames().get(i);
      trace[i] = frame.toStackTraceElement();
    }
    return trace;
  }

  private static void setCause(Throwable t, Throwable cause) {
    if (cause == null || t.getCause() == cause) {
      return;
    }
    try {
      t.initCause(cause);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // a constructor fixed the cause: the rebuilt throwable keeps that one
    }
  }

  private static void addSuppressed(Throwable t, Throwable suppressed) {
    try {
      t.addSuppressed(suppressed);
    } catch (IllegalArgumentException | NullPointerException e) {
      // self-suppression cannot come from a real throwable; a damaged graph just loses the entry
    }
  }
}
