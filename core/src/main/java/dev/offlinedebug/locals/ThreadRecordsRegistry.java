package dev.offlinedebug.locals;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread's {@link ThreadRecords}, so that a throwable's frames can be taken on another
 * thread. Rings are held strongly: a thread's own reference to its ring dies with the thread,
 * while an asynchronous appender may take the throwable's frames later. A ring is released once
 * its thread has ended and its records are spent, checked on the paths that already run: each
 * {@link #remove} looks at the rings it walks, and registering a new ring walks all of them when
 * the count has doubled since the last full walk, so a thread's first record stays O(1) amortised.
 */
final class ThreadRecordsRegistry {
  private static final int MIN_FULL_WALK = 64;

  private final ConcurrentLinkedQueue<ThreadRecords> rings = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile int fullWalkAt = MIN_FULL_WALK;

  /** Adds the ring of the calling thread. */
  void register(ThreadRecords ring) {
    if (size.incrementAndGet() >= fullWalkAt) {
      releaseSpent();
      fullWalkAt = Math.max(MIN_FULL_WALK, 2 * size.get());
    }
    rings.add(ring);
  }

  /** The frames of {@code thrown} from whichever ring but {@code skip} holds them, or null. */
  List<RecordedFrame> remove(Throwable thrown, ThreadRecords skip) {
    for (Iterator<ThreadRecords> it = rings.iterator(); it.hasNext(); ) {
      ThreadRecords ring = it.next();
      List<RecordedFrame> frames = ring == skip ? null : ring.remove(thrown);
      releaseIfSpent(ring, it);
      if (frames != null) {
        return frames;
      }
    }
    return null;
  }

  /** Releases every spent ring of an ended thread. */
  void releaseSpent() {
    for (Iterator<ThreadRecords> it = rings.iterator(); it.hasNext(); ) {
      releaseIfSpent(it.next(), it);
    }
  }

  /** Rings held, including those of ended threads not yet released. */
  int size() {
    return size.get();
  }

  private void releaseIfSpent(ThreadRecords ring, Iterator<ThreadRecords> it) {
    if (ring.releaseIfSpent()) {
      it.remove();
      size.decrementAndGet();
    }
  }
}
