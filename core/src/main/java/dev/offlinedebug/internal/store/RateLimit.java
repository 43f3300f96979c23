package dev.offlinedebug.internal.store;

/** At most {@code perSecond} permits in each one-second window, across all threads. */
public final class RateLimit {
  private static final long SECOND = 1_000_000_000L;
  private final int perSecond;
  private long windowStart;
  private int used;

  public RateLimit(int perSecond) {
    this.perSecond = perSecond;
    this.windowStart = System.nanoTime();
  }

  public synchronized boolean tryAcquire(long now) {
    if (now - windowStart >= SECOND) {
      windowStart = now;
      used = 0;
    }
    if (used >= perSecond) {
      return false;
    }
    used++;
    return true;
  }
}
