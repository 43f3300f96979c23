package dev.offlinedebug.locals;

import java.util.List;

/**
 * Where agent-instrumented code records the locals of each frame a throwable unwinds through, and
 * where the capture takes them from when that throwable is logged.
 *
 * <p>When the agent is active this class (and its package) is loaded by the bootstrap class loader,
 * so that instrumented code in any class loader and the capture see the same records: it must refer
 * to {@code java.*} types only. Without the agent it is an ordinary class that never holds records.
 *
 * <p>Records live in a small ring per recording thread, keyed weakly by the throwable's identity.
 * The values of a throwable that is never logged are dropped once it is collected or 60 s old, at
 * the next garbage collection or the next recording in any thread, whichever comes first; only the
 * last {@value ThreadRecordsRegistry#MAX_HELD} records of the JVM hold values, and those are held
 * softly, so they never cause an {@code OutOfMemoryError}. A ring outlives its thread only while it
 * holds records that can still be taken.
 *
 * @since 0.1
 */
public final class UnwindRecorder {
  private static final ThreadLocal<ThreadRecords> OWN = new ThreadLocal<>();
  private static final ThreadRecordsRegistry ALL = new ThreadRecordsRegistry();
  private static volatile boolean active;
  private static volatile int maxFrames = 64;
  private static volatile ThrowableRateLimit rateLimit = new ThrowableRateLimit(1000);

  private UnwindRecorder() {}

  /** Whether the agent is installed in this JVM. */
  public static boolean agentActive() {
    return active;
  }

  /**
   * Called once by the agent when it starts; applications never call it.
   *
   * @param maxFramesPerThrowable frames recorded per throwable, innermost first; at least 1
   * @param maxThrowablesPerSecond throwables recorded per second in the whole JVM; at least 1
   */
  public static void activate(int maxFramesPerThrowable, int maxThrowablesPerSecond) {
    maxFrames = Math.max(1, maxFramesPerThrowable);
    rateLimit = new ThrowableRateLimit(Math.max(1, maxThrowablesPerSecond));
    active = true;
  }

  /**
   * Removes and returns the frames recorded for {@code thrown}, innermost first, whichever thread
   * recorded them, followed by the outer frames a throwable wrapping it recorded on this thread
   * (when a container logs only the root cause). Empty when there are none; never null, never
   * throws. The arrays of each frame are shared with the recording site: read them, do not modify
   * them.
   */
  public static List<RecordedFrame> take(Throwable thrown) {
    StackTraceElement[] trace;
    try {
      trace = thrown == null || !active ? null : thrown.getStackTrace();
    } catch (Throwable e) {
      trace = null;
    }
    return take(thrown, trace);
  }

  /**
   * As {@link #take(Throwable)}, with {@code thrown}'s stack trace as the caller already read it
   * ({@code getStackTrace} copies the whole trace on every call); {@code null} when reading it
   * failed. The array is only read.
   */
  public static List<RecordedFrame> take(Throwable thrown, StackTraceElement[] stackTrace) {
    try {
      if (thrown == null || !active) {
        return List.of();
      }
      ALL.sweepIfDue();
      ThreadRecords own = OWN.get();
      List<RecordedFrame> frames = own == null ? null : own.remove(thrown);
      if (frames == null) {
        frames = ALL.remove(thrown, own);
      }
      StackTraceElement[] trace = stackTrace == null ? new StackTraceElement[0] : stackTrace;
      List<RecordedFrame> recorded = frames == null ? List.of() : withLines(frames, trace);
      return own == null ? recorded
          : WrapperFrames.extend(recorded, thrown, trace, own);
    } catch (Throwable e) {
      return List.of();
    }
  }

  /** Called through {@link RecordingSite}: {@code thrown} leaves the method. */
  static void record(
      Throwable thrown,
      String className,
      String methodName,
      String[] names,
      String[] types,
      Object[] values) {
    add(thrown, className, methodName, names, types, values, false);
  }

  /**
   * Called through {@link RecordingSite}: {@code thrown} is about to enter one of the method's own
   * handlers. Further records of the same method until it {@link #left} or {@link #record}s are
   * the same activation, and only add the locals this one lacks.
   */
  static void caught(
      Throwable thrown,
      String className,
      String methodName,
      String[] names,
      String[] types,
      Object[] values) {
    add(thrown, className, methodName, names, types, values, true);
  }

  /** Called through {@link RecordingSite}: after {@link #caught}, no handler took {@code thrown}. */
  static void left(Throwable thrown, String className, String methodName) {
    ThreadRecords own = OWN.get();
    if (active && thrown != null && own != null) {
      own.leave(thrown, className, methodName);
    }
  }

  private static void add(Throwable thrown, String className, String methodName, String[] names,
      String[] types, Object[] values, boolean caught) {
    if (!active || thrown == null) {
      return;
    }
    ThreadRecords own = OWN.get();
    if (own == null) {
      own = new ThreadRecords();
      OWN.set(own);
      ALL.register(own);
    }
    own.add(thrown, new RecordedFrame(className, methodName, -1, names, types, values), caught,
        maxFrames, rateLimit);
  }

  /**
   * The handlers do not know which line threw: the throwable's own stack trace does. Walks the
   * records and the trace together, both innermost first, and takes each record's line from the
   * next element of the same method.
   */
  static List<RecordedFrame> withLines(List<RecordedFrame> frames, StackTraceElement[] trace) {
    RecordedFrame[] result = new RecordedFrame[frames.size()];
    int next = 0;
    for (int f = 0; f < result.length; f++) {
      RecordedFrame frame = frames.get(f);
      int line = -1;
      for (int i = next; i < trace.length; i++) {
        if (trace[i].getMethodName().equals(frame.methodName())
            && trace[i].getClassName().equals(frame.className())) {
          line = Math.max(-1, trace[i].getLineNumber());
          next = i + 1;
          break;
        }
      }
      result[f] = new RecordedFrame(frame.className(), frame.methodName(), line, frame.names(),
          frame.types(), frame.values());
    }
    // From an array, not an ArrayList: List.copyOf of a list copies its elements twice.
    return List.of(result);
  }
}
