package dev.offlinedebug.locals;

import java.util.ArrayList;
import java.util.List;

/**
 * Outer frames of a throwable logged alone (a container logging only the root cause): it was
 * wrapped before it unwound them, and the wrapper recorded them as it passed through the same
 * frames. Those records are borrowed, not taken: the wrapper may still be logged itself.
 *
 * <p>Bootstrap-loaded with the rest of the package: {@code java.*} types only.
 */
final class WrapperFrames {
  /** Cause chains deeper than this are not followed: a wrapper is a few levels out at most. */
  private static final int MAX_CAUSE_DEPTH = 16;

  private WrapperFrames() {}

  /**
   * {@code own} (the logged throwable's frames, lines set, innermost first) followed by the frames
   * a wrapper of it recorded in {@code ring} further out along its stack trace, matched by class,
   * method and line.
   */
  static List<RecordedFrame> extend(List<RecordedFrame> own, Throwable thrown,
      StackTraceElement[] trace, ThreadRecords ring) {
    Throwable wrapper = wrapperOf(thrown, ring.others(thrown));
    List<RecordedFrame> borrowed = wrapper == null ? null : ring.peek(wrapper);
    if (borrowed == null) {
      return own;
    }
    int next = 0;
    for (RecordedFrame frame : own) {
      int at = find(trace, frame, next);
      next = at < 0 ? next : at + 1;
    }
    List<RecordedFrame> result = new ArrayList<>(own);
    for (RecordedFrame frame : UnwindRecorder.withLines(borrowed, wrapper.getStackTrace())) {
      int at = frame.line() < 0 ? -1 : find(trace, frame, next);
      if (at >= 0) {
        result.add(frame);
        next = at + 1;
      }
    }
    return List.copyOf(result);
  }

  private static Throwable wrapperOf(Throwable thrown, List<Throwable> candidates) {
    for (Throwable candidate : candidates) {
      Throwable cause = candidate;
      for (int depth = 0; depth < MAX_CAUSE_DEPTH && cause != null; depth++) {
        Throwable next = cause.getCause();
        if (next == thrown) {
          return candidate;
        }
        cause = next == cause ? null : next;
      }
    }
    return null;
  }

  /** The next element of {@code trace} from {@code from} for the frame's method and line. */
  private static int find(StackTraceElement[] trace, RecordedFrame frame, int from) {
    for (int i = from; i < trace.length; i++) {
      StackTraceElement element = trace[i];
      if (element.getMethodName().equals(frame.methodName())
          && element.getClassName().equals(frame.className())
          && (frame.line() < 0 || element.getLineNumber() == frame.line())) {
        return i;
      }
    }
    return -1;
  }
}
