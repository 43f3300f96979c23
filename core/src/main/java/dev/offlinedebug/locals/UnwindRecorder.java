package dev.offlinedebug.locals;

import java.util.List;

/**
 * Where agent-instrumented code records the locals of each frame a throwable unwinds through, and
 * where the capture takes them from when that throwable is logged.
 *
 * <p>When the agent is active this class (and its package) is loaded by the bootstrap class loader,
 * so that instrumented code in any class loader and the capture see the same records: it must refer
 * to {@code java.*} types only. Without the agent it is an ordinary class that never holds records.
 */
public final class UnwindRecorder {
  private UnwindRecorder() {}

  /** Whether the agent is installed in this JVM. */
  public static boolean agentActive() {
    return false;
  }

  /**
   * Removes and returns the frames recorded for {@code thrown}, innermost first, whichever thread
   * recorded them. Empty when there are none; never null, never throws.
   */
  public static List<RecordedFrame> take(Throwable thrown) {
    return List.of();
  }
}
