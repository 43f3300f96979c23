package dev.offlinedebug.internal.store;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What makes two failures "the same" for dedup: the type of the throwable and of each cause, each
 * with its top frames ({@code java.lang.IllegalStateException@com.acme.Orders.pay:42,...<-...}).
 * Computed from a live throwable before capture (cheap), and from a dump's graph when listing, with
 * the same result.
 */
public final class Fingerprint {
  static final int CAUSES = 8;
  static final int FRAMES = 3;

  private Fingerprint() {}

  public static String of(Throwable thrown) {
    StringBuilder text = new StringBuilder(256);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = thrown;
    for (int i = 0; t != null && i < CAUSES && seen.add(t); i++, t = t.getCause()) {
      if (i > 0) {
        text.append("<-");
      }
      text.append(t.getClass().getName()).append('@');
      StackTraceElement[] frames = t.getStackTrace();
      for (int f = 0; f < Math.min(FRAMES, frames.length); f++) {
        frame(text, f, frames[f].getClassName(), frames[f].getMethodName(), frames[f].getLineNumber());
      }
    }
    return text.toString();
  }

  public static String of(ThrowableGraph graph) {
    StringBuilder text = new StringBuilder(256);
    boolean[] seen = new boolean[graph.throwables().size()];
    int index = 0;
    for (int i = 0; index != ThrowableInfo.NO_CAUSE && i < CAUSES && !seen[index]; i++) {
      seen[index] = true;
      ThrowableInfo t = graph.get(index);
      if (i > 0) {
        text.append("<-");
      }
      text.append(t.type()).append('@');
      List<FrameInfo> frames = t.frames();
      for (int f = 0; f < Math.min(FRAMES, frames.size()); f++) {
        FrameInfo frame = frames.get(f);
        frame(text, f, frame.className(), frame.methodName(), frame.line());
      }
      index = t.cause();
    }
    return text.toString();
  }

  /**
   * Whether {@code a} and {@code b} have the same fingerprint ({@link #of(ThrowableGraph)}), told
   * without building either: the summary of each dump needs the text only when it differs from the
   * previous dump's, which in a burst of one failure it does not. Allocates nothing.
   */
  static boolean same(ThrowableGraph a, ThrowableGraph b) {
    int atA = 0;
    int atB = 0;
    for (int i = 0; i < CAUSES; i++) {
      boolean endA = atA == ThrowableInfo.NO_CAUSE || visited(a, atA, i);
      boolean endB = atB == ThrowableInfo.NO_CAUSE || visited(b, atB, i);
      if (endA || endB) {
        return endA == endB;
      }
      ThrowableInfo ta = a.get(atA);
      ThrowableInfo tb = b.get(atB);
      if (!ta.type().equals(tb.type()) || !sameTopFrames(ta.frames(), tb.frames())) {
        return false;
      }
      atA = ta.cause();
      atB = tb.cause();
    }
    return true;
  }

  /** Whether the first {@code steps} throwables of {@code graph}'s cause chain include {@code index}: a cycle. */
  private static boolean visited(ThrowableGraph graph, int index, int steps) {
    int at = 0;
    for (int i = 0; i < steps; i++, at = graph.get(at).cause()) {
      if (at == index) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameTopFrames(List<FrameInfo> a, List<FrameInfo> b) {
    int n = Math.min(FRAMES, a.size());
    if (n != Math.min(FRAMES, b.size())) {
      return false;
    }
    for (int f = 0; f < n; f++) {
      FrameInfo fa = a.get(f);
      FrameInfo fb = b.get(f);
      if (fa.line() != fb.line() || !fa.methodName().equals(fb.methodName()) || !fa.className().equals(fb.className())) {
        return false;
      }
    }
    return true;
  }

  private static void frame(StringBuilder text, int position, String type, String method, int line) {
    if (position > 0) {
      text.append(',');
    }
    text.append(type).append('.').append(method).append(':').append(line);
  }
}
