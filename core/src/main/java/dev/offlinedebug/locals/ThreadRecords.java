package dev.offlinedebug.locals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames recorded by one thread, for its last {@value #CAPACITY} throwables. Written by its
 * thread as a throwable unwinds, read (and emptied) by whichever thread logs the throwable. An
 * uncontended monitor costs far less than the weak-keyed maps a global table would need.
 *
 * <p>The ring outlives its thread while it still holds records: a thread may throw, hand the
 * throwable to an asynchronous appender and end before the appender takes the frames. Its
 * {@link ThreadRecordsRegistry} releases it once {@link #releaseIfSpent} says so.
 */
final class ThreadRecords {
  static final int CAPACITY = 16;
  /** Records older than this are dropped when the ring is next touched: values are not kept long. */
  private static final long MAX_AGE_NANOS = 60_000_000_000L;

  private final Entry[] entries = new Entry[CAPACITY];
  /** Weak so that a ring kept for its records does not also keep its ended thread's object. */
  private final WeakReference<Thread> owner = new WeakReference<>(Thread.currentThread());
  private int next;
  private int last = -1;
  private boolean released;

  /**
   * Appends {@code frame} to the record of {@code thrown}, starting one if there is none; merges it
   * into the last frame instead while that frame's method still handles {@code thrown}.
   *
   * @param caught whether {@code thrown} is entering a handler of the frame's method
   */
  synchronized void add(Throwable thrown, RecordedFrame frame, boolean caught, int maxFrames,
      ThrowableRateLimit rateLimit) {
    Entry entry = entryOf(thrown);
    if (entry == null) {
      entry = start(thrown, rateLimit);
    }
    List<RecordedFrame> frames = entry.frames;
    if (frames == null) {
      return;
    }
    if (entry.handling && frames.get(frames.size() - 1).sameMethod(frame)) {
      frames.set(frames.size() - 1, frames.get(frames.size() - 1).withMissingLocalsOf(frame));
    } else if (frames.size() < maxFrames) {
      frames.add(frame);
    } else {
      caught = false;
    }
    entry.handling = caught;
  }

  /** {@code thrown} leaves the method whose handlers it entered: its next frame is another one. */
  synchronized void leave(Throwable thrown, String className, String methodName) {
    Entry entry = entryOf(thrown);
    if (entry != null && entry.handling
        && entry.frames.get(entry.frames.size() - 1).sameMethod(className, methodName)) {
      entry.handling = false;
    }
  }

  private Entry entryOf(Throwable thrown) {
    Entry entry = last >= 0 ? entries[last] : null;
    return entry != null && entry.key.get() == thrown ? entry : find(thrown);
  }

  /** Removes and returns the frames recorded for {@code thrown}, or null when there are none. */
  synchronized List<RecordedFrame> remove(Throwable thrown) {
    List<RecordedFrame> found = null;
    for (int i = 0; i < CAPACITY && found == null; i++) {
      Entry entry = entries[i];
      if (entry != null && entry.key.get() == thrown) {
        found = entry.frames;
        entries[i] = null;
      }
    }
    dropStale(System.nanoTime());
    return found == null || found.isEmpty() ? null : found;
  }

  /** The throwables other than {@code thrown} with frames here, newest first, frames copied. */
  synchronized List<Recorded> others(Throwable thrown) {
    List<Recorded> others = new ArrayList<>();
    for (int i = 1; i <= CAPACITY; i++) {
      Entry entry = entries[(next - i + CAPACITY) % CAPACITY];
      Throwable key = entry == null ? null : entry.key.get();
      if (key != null && key != thrown && entry.frames != null && !entry.frames.isEmpty()) {
        others.add(new Recorded(key, List.copyOf(entry.frames)));
      }
    }
    return others;
  }

  /** A throwable and a copy of its frames. */
  record Recorded(Throwable thrown, List<RecordedFrame> frames) {}

  /**
   * Whether this ring can be forgotten: its thread has ended (so nothing is added any more) and
   * every record was taken, collected or is too old. True only once, to the caller that releases.
   */
  synchronized boolean releaseIfSpent() {
    Thread thread = owner.get();
    if (released || (thread != null && thread.isAlive())) {
      return false;
    }
    dropStale(System.nanoTime());
    for (Entry entry : entries) {
      if (entry != null) {
        return false;
      }
    }
    released = true;
    return true;
  }

  private Entry find(Throwable thrown) {
    for (int i = 0; i < CAPACITY; i++) {
      Entry entry = entries[i];
      if (entry != null && entry.key.get() == thrown) {
        last = i;
        return entry;
      }
    }
    return null;
  }

  private Entry start(Throwable thrown, ThrowableRateLimit rateLimit) {
    long now = System.nanoTime();
    boolean recorded = rateLimit.tryAcquire(now) && !SharedThrowables.isShared(thrown);
    Entry entry = new Entry(thrown, now, recorded ? new ArrayList<>(8) : null);
    dropStale(now);
    entries[next] = entry;
    last = next;
    next = (next + 1) % CAPACITY;
    return entry;
  }

  private void dropStale(long now) {
    for (int i = 0; i < CAPACITY; i++) {
      Entry entry = entries[i];
      if (entry != null && (entry.key.get() == null || now - entry.started > MAX_AGE_NANOS)) {
        entries[i] = null;
      }
    }
  }

  /** One throwable's frames; {@code frames} is null when the throwable is not to be recorded. */
  private static final class Entry {
    final WeakReference<Throwable> key;
    final long started;
    final List<RecordedFrame> frames;
    /** The last frame's method caught the throwable and has not let it go yet. */
    boolean handling;

    Entry(Throwable key, long started, List<RecordedFrame> frames) {
      this.key = new WeakReference<>(key);
      this.started = started;
      this.frames = frames;
    }
  }
}
