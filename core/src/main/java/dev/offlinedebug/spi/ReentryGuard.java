package dev.offlinedebug.spi;

/**
 * Marks the threads that are inside an appender or converter of ours. Anything they log while
 * capturing, writing or forwarding (a {@code toString} the capture runs, Chronicle's own logging, a
 * forwarded appender's errors) reaches our appenders again on the same thread; those nested events
 * are dropped instead of recursing. Shared by all appenders and converters of every framework, so
 * that one appender's capture cannot re-enter another.
 */
final class ReentryGuard {
  private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

  private ReentryGuard() {}

  /** Enters the guarded region; {@code false} when the thread is inside it already (then do not {@link #exit}). */
  static boolean enter() {
    boolean[] inside = INSIDE.get();
    if (inside[0]) {
      return false;
    }
    inside[0] = true;
    return true;
  }

  /** Leaves the region entered by a successful {@link #enter}. */
  static void exit() {
    INSIDE.get()[0] = false;
  }
}
