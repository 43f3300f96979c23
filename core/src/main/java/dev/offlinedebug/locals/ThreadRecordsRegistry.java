package dev.offlinedebug.locals;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Every thread's {@link ThreadRecords}, so that a throwable's frames can be taken on another
 * thread, and the bounds on what unlogged records may hold.
 *
 * <p>Rings are held strongly: a thread's own reference to its ring dies with the thread, while an
 * asynchronous appender may take the throwable's frames later. A ring is released once its thread
 * has ended and its records are spent.
 *
 * <p>Records of throwables that are never logged are dropped, whichever thread recorded them and
 * whether or not it records again: by a sweep of every ring after each garbage collection while
 * records are held ({@link CollectionHook}, no thread of ours), and at most once a second from any
 * thread that records or takes. A record goes once its throwable is collected or it is older than
 * the maximum age. Besides, only the last {@code maxHeld} records started in the whole JVM hold
 * frames (older ones are released), and frames are held softly ({@link HeldRecord}).
 */
final class ThreadRecordsRegistry {
  /** The README's promise: values of an exception that is never logged are dropped after 60 s. */
  static final long MAX_AGE_NANOS = 60_000_000_000L;
  /** Records holding frames in the whole JVM, at most. */
  static final int MAX_HELD = 1024;
  private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;
  private static final int MIN_FULL_WALK = 64;

  private final ConcurrentLinkedQueue<ThreadRecords> rings = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile int fullWalkAt = MIN_FULL_WALK;
  /** Records in the order they started, to release the oldest past {@link #maxHeld}. */
  private final ConcurrentLinkedQueue<HeldRecord> held = new ConcurrentLinkedQueue<>();
  private final AtomicInteger heldCount = new AtomicInteger();
  private final AtomicLong lastSweep;
  private final int maxHeld;
  private final long maxAgeNanos;
  private final LongSupplier clock;
  private final CollectionHook hook = new CollectionHook(this::afterCollection);

  ThreadRecordsRegistry() {
    this(MAX_HELD, MAX_AGE_NANOS, System::nanoTime);
  }

  /** With other bounds and clock, for tests. */
  ThreadRecordsRegistry(int maxHeld, long maxAgeNanos, LongSupplier clock) {
    this.maxHeld = maxHeld;
    this.maxAgeNanos = maxAgeNanos;
    this.clock = clock;
    this.lastSweep = new AtomicLong(clock.getAsLong());
  }

  long now() {
    return clock.getAsLong();
  }

  /** Adds the ring of the calling thread. */
  void register(ThreadRecords ring) {
    ring.heldBy(this);
    if (size.incrementAndGet() >= fullWalkAt) {
      releaseSpent();
      fullWalkAt = Math.max(MIN_FULL_WALK, 2 * size.get());
    }
    rings.add(ring);
  }

  /** Called by a ring, outside its monitor, when it starts a record that holds frames. */
  void started(HeldRecord record) {
    held.add(record);
    if (heldCount.incrementAndGet() > maxHeld) {
      HeldRecord oldest = held.poll();
      if (oldest != null) {
        heldCount.decrementAndGet();
        oldest.release();
      }
    }
    hook.arm();
    sweepIfDue();
  }

  /** The frames of {@code thrown} from whichever ring but {@code skip} holds them, or null. */
  List<RecordedFrame> remove(Throwable thrown, ThreadRecords skip) {
    sweepIfDue();
    long now = now();
    for (Iterator<ThreadRecords> it = rings.iterator(); it.hasNext(); ) {
      ThreadRecords ring = it.next();
      List<RecordedFrame> frames = ring == skip ? null : ring.remove(thrown);
      releaseIfSpent(ring, it, now);
      if (frames != null) {
        return frames;
      }
    }
    return null;
  }

  /** Releases every spent ring of an ended thread. */
  void releaseSpent() {
    long now = now();
    for (Iterator<ThreadRecords> it = rings.iterator(); it.hasNext(); ) {
      releaseIfSpent(it.next(), it, now);
    }
  }

  /**
   * Drops stale records in every ring and releases spent rings.
   *
   * @return whether any record still holds frames
   */
  boolean sweep() {
    long now = now();
    lastSweep.set(now);
    int stillHeld = 0;
    for (Iterator<ThreadRecords> it = rings.iterator(); it.hasNext(); ) {
      ThreadRecords ring = it.next();
      stillHeld += ring.sweep(now, maxAgeNanos);
      releaseIfSpent(ring, it, now);
    }
    // Released records at the head of the order no longer count against the bound.
    for (HeldRecord oldest = held.peek(); oldest != null && !oldest.isHeld(); oldest = held.peek()) {
      if (held.remove(oldest)) {
        heldCount.decrementAndGet();
      }
    }
    return stillHeld > 0;
  }

  /** Rings held, including those of ended threads not yet released. */
  int size() {
    return size.get();
  }

  /** Records started and not yet pushed out of the order, held or not. */
  int heldCount() {
    return heldCount.get();
  }

  /** Sweeps when the last sweep is a second old; one caller does. */
  void sweepIfDue() {
    long last = lastSweep.get();
    long now = now();
    if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
      sweep();
    }
  }

  private boolean afterCollection() {
    return sweep();
  }

  private void releaseIfSpent(ThreadRecords ring, Iterator<ThreadRecords> it, long now) {
    if (ring.releaseIfSpent(now, maxAgeNanos)) {
      it.remove();
      size.decrementAndGet();
    }
  }
}
