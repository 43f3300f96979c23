package dev.offlinedebug.internal.capture;

import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import java.util.List;
import java.util.function.Function;

/**
 * Attaches the locals the agent recorded for a throwable to the frames of its stack trace. Both are
 * innermost first, and the recorded frames are a subsequence of the trace (only instrumented
 * methods record), so each recorded frame goes to the next frame of the same class and method,
 * with the same line when both know it.
 */
final class LocalsMatcher {
  private LocalsMatcher() {}

  /** Replaces each of the first {@code count} {@code frames} that matches a recorded frame by it with its locals. */
  static void attach(
      FrameInfo[] frames,
      int count,
      List<RecordedFrame> recorded,
      Function<RecordedFrame, List<LocalVariable>> locals) {
    int next = 0;
    for (RecordedFrame frame : recorded) {
      int match = find(frames, count, frame, next, true);
      if (match < 0) {
        match = find(frames, count, frame, next, false);
      }
      if (match >= 0) {
        frames[match] = frames[match].withLocals(locals.apply(frame));
        next = match + 1;
      }
    }
  }

  private static int find(FrameInfo[] frames, int count, RecordedFrame recorded, int from, boolean byLine) {
    for (int i = from; i < count; i++) {
      FrameInfo f = frames[i];
      // Cheapest test first: the line, then the method name, which tells frames apart more often
      // than the long class name does.
      if ((!byLine || recorded.line() < 0 || f.line() < 0 || f.line() == recorded.line())
          && f.methodName().equals(recorded.methodName())
          && f.className().equals(recorded.className())) {
        return i;
      }
    }
    return -1;
  }
}
