package dev.offlinedebug.locals;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A global cap on the throwables recorded per second, so that an exception storm costs a counter
 * increment per throwable instead of a recording per frame. Approximate at window edges: a few
 * throwables more or less per second do not matter, a lock would.
 */
final class ThrowableRateLimit {
  private static final long WINDOW_NANOS = 1_000_000_000L;
  private final int perSecond;
  private final AtomicInteger used = new AtomicInteger();
  private volatile long windowStart = System.nanoTime();

  ThrowableRateLimit(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Takes one permit; false when this second's budget is spent. */
  boolean tryAcquire(long now) {
    if (now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      used.set(0);
    }
    return used.incrementAndGet() <= perSecond;
  }
}
