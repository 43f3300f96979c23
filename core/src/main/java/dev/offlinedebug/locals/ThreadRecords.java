package dev.offlinedebug.locals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames recorded by one thread, for its last {@value #CAPACITY} throwables. Written by its
 * thread as a throwable unwinds, read (and emptied) by whichever thread logs the throwable, and
 * swept by any thread through its {@link ThreadRecordsRegistry}. An uncontended monitor costs far
 * less than the weak-keyed maps a global table would need.
 *
 * <p>The ring outlives its thread while it still holds records: a thread may throw, hand the
 * throwable to an asynchronous appender and end before the appender takes the frames. Its
 * registry releases it once {@link #releaseIfSpent} says so.
 */
final class ThreadRecords {
  static final int CAPACITY = 16;

  private final HeldRecord[] entries = new HeldRecord[CAPACITY];
  /** Weak so that a ring kept for its records does not also keep its ended thread's object. */
  private final WeakReference<Thread> owner = new WeakReference<>(Thread.currentThread());
  private ThreadRecordsRegistry registry;
  private int next;
  private int last = -1;
  private boolean released;

  /** Called once by the registry that holds this ring, before the ring records anything. */
  synchronized void heldBy(ThreadRecordsRegistry holder) {
    registry = holder;
  }

  /**
   * Appends {@code frame} to the record of {@code thrown}, starting one if there is none; merges it
   * into the last frame instead while that frame's method still handles {@code thrown}. The
   * registry hears of a new record outside this ring's monitor: it may sweep other rings, and two
   * threads each holding its own ring's monitor while waiting for the other's would deadlock.
   *
   * @param caught whether {@code thrown} is entering a handler of the frame's method
   */
  void add(Throwable thrown, RecordedFrame frame, boolean caught, int maxFrames, ThrowableRateLimit rateLimit) {
    HeldRecord started = null;
    synchronized (this) {
      HeldRecord entry = entryOf(thrown);
      if (entry == null) {
        entry = start(thrown, rateLimit);
        started = entry;
      }
      entry.add(frame, caught, maxFrames);
    }
    if (started != null && started.isHeld()) {
      registry.started(started);
    }
  }

  /** {@code thrown} leaves the method whose handlers it entered: its next frame is another one. */
  synchronized void leave(Throwable thrown, String className, String methodName) {
    HeldRecord entry = entryOf(thrown);
    if (entry != null) {
      entry.leave(className, methodName);
    }
  }

  private HeldRecord entryOf(Throwable thrown) {
    HeldRecord entry = last >= 0 ? entries[last] : null;
    return entry != null && entry.isFor(thrown) ? entry : find(thrown);
  }

  /** Removes and returns the frames recorded for {@code thrown}, or null when there are none. */
  synchronized List<RecordedFrame> remove(Throwable thrown) {
    List<RecordedFrame> found = null;
    for (int i = 0; i < CAPACITY && found == null; i++) {
      HeldRecord entry = entries[i];
      if (entry != null && entry.isFor(thrown)) {
        found = entry.take();
        entries[i] = null;
      }
    }
    return found;
  }

  /**
   * Drops (releases the values of) every record whose throwable was collected, that was released
   * or evicted, or that is older than {@code maxAgeNanos}.
   *
   * @return how many records still hold frames
   */
  synchronized int sweep(long now, long maxAgeNanos) {
    int held = 0;
    for (int i = 0; i < CAPACITY; i++) {
      HeldRecord entry = entries[i];
      if (entry != null && entry.isStale(now, maxAgeNanos)) {
        entry.release();
        entries[i] = null;
      } else if (entry != null) {
        held++;
      }
    }
    return held;
  }

  /**
   * The throwables other than {@code thrown} whose records hold frames here, newest first; their
   * frames are copied only for the one a caller picks ({@link #peek}).
   */
  synchronized List<Throwable> others(Throwable thrown) {
    List<Throwable> others = new ArrayList<>();
    for (int i = 1; i <= CAPACITY; i++) {
      HeldRecord entry = entries[(next - i + CAPACITY) % CAPACITY];
      Throwable key = entry == null || !entry.isHeld() ? null : entry.throwable();
      if (key != null && key != thrown) {
        others.add(key);
      }
    }
    return others;
  }

  /** A copy of the frames recorded for {@code thrown}, which stay here; null when there are none. */
  synchronized List<RecordedFrame> peek(Throwable thrown) {
    HeldRecord entry = find(thrown);
    return entry == null ? null : entry.copy();
  }

  /**
   * Whether this ring can be forgotten: its thread has ended (so nothing is added any more) and
   * every record was taken, collected or is too old. True only once, to the caller that releases.
   */
  synchronized boolean releaseIfSpent(long now, long maxAgeNanos) {
    Thread thread = owner.get();
    if (released || (thread != null && thread.isAlive()) || sweep(now, maxAgeNanos) > 0) {
      return false;
    }
    released = true;
    return true;
  }

  private HeldRecord find(Throwable thrown) {
    for (int i = 0; i < CAPACITY; i++) {
      HeldRecord entry = entries[i];
      if (entry != null && entry.isFor(thrown)) {
        last = i;
        return entry;
      }
    }
    return null;
  }

  private HeldRecord start(Throwable thrown, ThrowableRateLimit rateLimit) {
    long now = registry.now();
    boolean recorded = rateLimit.tryAcquire(now) && !SharedThrowables.isShared(thrown);
    HeldRecord entry = new HeldRecord(thrown, now, recorded);
    HeldRecord overwritten = entries[next];
    if (overwritten != null) {
      overwritten.release();
    }
    entries[next] = entry;
    last = next;
    next = (next + 1) % CAPACITY;
    return entry;
  }
}
