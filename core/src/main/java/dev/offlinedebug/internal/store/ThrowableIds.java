package dev.offlinedebug.internal.store;

import dev.offlinedebug.spi.StatusListener;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * One dump per throwable object: the same throwable written again, or by several threads at once
 * (through any number of appenders, converters or direct callers of one {@link DumpWriter}), gets the
 * ID of the one dump written for it.
 *
 * <p>Keyed by identity only: no method of the application's throwable is called (no {@code
 * hashCode}, {@code equals} or {@code toString}) and no monitor of it is taken. Two parts:
 *
 * <ul>
 *   <li>the IDs written: {@value #SLOTS} direct-mapped slots holding throwables weakly, so memory is
 *       bounded and no throwable is kept alive; a collision forgets the older entry (a later repeat
 *       of it is then a new write, which dedup normally turns into an occurrence);
 *   <li>the writes in progress: a throwable is held strongly only while its writer thread holds it
 *       anyway, and there are at most as many as threads writing.
 * </ul>
 *
 * <p>A caller that finds another thread writing the same throwable waits for its ID, at most {@code
 * waitNanos} all told, then gives up with no ID (reported) instead of writing a second dump: the
 * write may run application code ({@code toString} during capture) that waits for the caller. A
 * thread that reaches here again for the throwable it is writing (application code run by its own
 * capture) gets no ID at once. When the awaited write is dropped, the waiter tries itself, as it
 * would have after it; but a write that failed after its capture ({@link #FAILED}) is remembered
 * like an ID: the capture took the agent's locals for the throwable, so writing it again (a {@code
 * %dumpId} converter after its appender) would store a dump without them under a printed ID.
 */
public final class ThrowableIds {
  static final int SLOTS = 1024;
  /** Far above a normal write (milliseconds); long enough for a slow disk, short enough for a deadlock. */
  public static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  /**
   * What a write returns when it failed after its capture: remembered for the throwable, and {@code
   * null} to every caller. Compared by identity.
   */
  @SuppressWarnings("StringOperationCanBeSimplified")
  public static final String FAILED = new String("<failed>");

  private final AtomicReferenceArray<Written> slots = new AtomicReferenceArray<>(SLOTS);
  private final ConcurrentHashMap<Writing, Writing> writing = new ConcurrentHashMap<>();
  private final long waitNanos;
  private final StatusListener status;

  /**
   * @param waitNanos how long a caller waits, in all, for another thread writing the same throwable
   * @param status where a caller that gave up waiting is reported
   */
  public ThrowableIds(long waitNanos, StatusListener status) {
    this.waitNanos = waitNanos;
    this.status = status;
  }

  /**
   * The ID written for {@code thrown} already, or being written by another thread, or else the one
   * {@code write} returns now.
   *
   * @param write writes the dump; returns {@code null} when it was dropped (not remembered then), or
   *     {@link #FAILED} when it failed after its capture (remembered)
   * @return {@code null} when the dump was dropped or failed, this thread is writing {@code thrown}
   *     already, or the wait for another thread's write ran out
   */
  public String idFor(Throwable thrown, Supplier<String> write) {
    long deadline = 0;
    boolean waited = false;
    while (true) {
      String id = lookup(thrown);
      if (id != null) {
        return shown(id);
      }
      Writing mine = new Writing(thrown);
      Writing other = writing.putIfAbsent(mine, mine);
      if (other == null) {
        return shown(writeAs(mine, write));
      }
      if (other.owner == Thread.currentThread()) {
        return null;
      }
      if (!waited) {
        waited = true;
        deadline = System.nanoTime() + waitNanos;
      }
      if (!other.await(deadline - System.nanoTime())) {
        status.report("gave up waiting for another thread's dump of the same "
            + thrown.getClass().getName() + "; the event gets no dump ID", null);
        return null;
      }
      if (other.id != null) {
        return shown(other.id);
      }
    }
  }

  private String writeAs(Writing mine, Supplier<String> write) {
    try {
      // The previous writer may have finished between our lookup and our registration.
      String id = lookup(mine.thrown);
      if (id == null) {
        id = write.get();
        if (id != null) {
          // Remembered before the registration is removed, so a caller always finds one of them.
          slots.set(index(mine.thrown), new Written(mine.thrown, id));
        }
      }
      mine.id = id;
      return id;
    } finally {
      writing.remove(mine);
      mine.done.countDown();
    }
  }

  private static String shown(String id) {
    return id == FAILED ? null : id;
  }

  private String lookup(Throwable thrown) {
    Written w = slots.get(index(thrown));
    return w != null && w.get() == thrown ? w.id : null;
  }

  private static int index(Throwable thrown) {
    return spread(System.identityHashCode(thrown)) & (SLOTS - 1);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static final class Written extends WeakReference<Throwable> {
    final String id;

    Written(Throwable thrown, String id) {
      super(thrown);
      this.id = id;
    }
  }

  /** A write in progress; equal to another for the same throwable object. */
  private static final class Writing {
    final Throwable thrown;
    final Thread owner = Thread.currentThread();
    final CountDownLatch done = new CountDownLatch(1);
    volatile String id;

    Writing(Throwable thrown) {
      this.thrown = thrown;
    }

    /** Whether the write finished within {@code nanos}; an interrupt ends the wait, and is kept. */
    boolean await(long nanos) {
      try {
        return nanos > 0 ? done.await(nanos, TimeUnit.NANOSECONDS) : done.getCount() == 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(thrown);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Writing w && w.thrown == thrown;
    }
  }
}
