package dev.offlinedebug.internal.capture;

import dev.offlinedebug.locals.RecordedFrame;
import java.util.List;

/**
 * Matches the locals the agent recorded for a throwable to the frames of its stack trace. Both are
 * innermost first, and the recorded frames are a subsequence of the trace (only instrumented
 * methods record), so each recorded frame goes to the next frame of the same class and method,
 * with the same line when both know it.
 */
final class LocalsMatcher {
  private LocalsMatcher() {}

  /**
   * The recorded frame of each of the first {@code count} {@code frames}, or null where none; null
   * when nothing was recorded.
   */
  static RecordedFrame[] match(StackTraceElement[] frames, int count, List<RecordedFrame> recorded) {
    if (recorded.isEmpty()) {
      return null;
    }
    RecordedFrame[] matched = new RecordedFrame[count];
    int next = 0;
    for (RecordedFrame frame : recorded) {
      int match = find(frames, count, frame, next, true);
      if (match < 0) {
        match = find(frames, count, frame, next, false);
      }
      if (match >= 0) {
        matched[match] = frame;
        next = match + 1;
      }
    }
    return matched;
  }

  private static int find(StackTraceElement[] frames, int count, RecordedFrame recorded, int from, boolean byLine) {
    for (int i = from; i < count; i++) {
      StackTraceElement f = frames[i];
      // Cheapest test first: the line, then the method name, which tells frames apart more often
      // than the long class name does.
      if ((!byLine || recorded.line() < 0 || f.getLineNumber() < 0 || f.getLineNumber() == recorded.line())
          && f.getMethodName().equals(recorded.methodName())
          && f.getClassName().equals(recorded.className())) {
        return i;
      }
    }
    return -1;
  }
}
