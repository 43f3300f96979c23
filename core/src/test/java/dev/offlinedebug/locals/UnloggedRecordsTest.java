package dev.offlinedebug.locals;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Locals recorded for a throwable that is never logged must not outlive it: a swallowed exception's
 * large local on a thread that then idles (a pool thread waiting for work) is collected with it,
 * values of an old record go even if nothing records again, and only a bounded number of records
 * hold values in the whole JVM.
 */
class UnloggedRecordsTest {
  private static final ThrowableRateLimit UNLIMITED = new ThrowableRateLimit(1_000_000);
  /** Large enough that keeping it is the problem the issue describes. */
  private static final int LARGE = 64 << 20;

  @Test
  void collect_swallowedThrowableOnIdleThread_largeLocalCollected() throws Exception {
    ThreadRecordsRegistry registry = new ThreadRecordsRegistry();
    AtomicReference<WeakReference<byte[]>> local = new AtomicReference<>();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread idle = new Thread(() -> {
      ThreadRecords own = new ThreadRecords();
      registry.register(own);
      recordSwallowed(own, local);
      recorded.countDown();
      awaitQuietly(release);
    }, "idle-pool-thread");
    idle.start();
    try {
      recorded.await();

      assertTrue(collected(local.get()), "the swallowed throwable's local is still reachable");
    } finally {
      release.countDown();
      idle.join();
    }
  }

  @Test
  void collect_agedRecordOfLiveThrowableOnIdleJvm_valuesCollected() throws Exception {
    AtomicLong clock = new AtomicLong();
    ThreadRecordsRegistry registry =
        new ThreadRecordsRegistry(ThreadRecordsRegistry.MAX_HELD, ThreadRecordsRegistry.MAX_AGE_NANOS, clock::get);
    ThreadRecords own = new ThreadRecords();
    registry.register(own);
    Throwable kept = new IllegalStateException("kept by the application, never logged");
    WeakReference<Object> value = recordValue(own, kept);

    clock.addAndGet(ThreadRecordsRegistry.MAX_AGE_NANOS + 1);

    assertTrue(collected(value), "a record older than the maximum age must let its values go");
    assertNull(registry.remove(kept, null));
  }

  @Test
  void started_moreRecordsThanTheGlobalBound_oldestReleasedWhicheverThread() throws Exception {
    ThreadRecordsRegistry registry = new ThreadRecordsRegistry(4, ThreadRecordsRegistry.MAX_AGE_NANOS, System::nanoTime);
    List<Throwable> thrown = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      thrown.add(new IllegalStateException("t" + i));
    }
    Thread other = new Thread(() -> {
      ThreadRecords ring = new ThreadRecords();
      registry.register(ring);
      thrown.subList(0, 3).forEach(t -> recordValue(ring, t));
    }, "first-recorder");
    other.start();
    other.join();
    ThreadRecords own = new ThreadRecords();
    registry.register(own);
    thrown.subList(3, 6).forEach(t -> recordValue(own, t));

    assertNull(registry.remove(thrown.get(0), null), "the oldest record is released");
    assertNull(registry.remove(thrown.get(1), null));
    for (Throwable t : thrown.subList(2, 6)) {
      assertNotNull(registry.remove(t, null), t.getMessage());
    }
  }

  /** Records one frame for {@code thrown} holding a fresh object; returns a weak reference to it. */
  private static WeakReference<Object> recordValue(ThreadRecords ring, Throwable thrown) {
    Object value = new int[1024];
    ring.add(thrown, new RecordedFrame("fixture.Worker", "run", -1, new String[] {"v"},
        new String[] {"int[]"}, new Object[] {value}), false, 64, UNLIMITED);
    return new WeakReference<>(value);
  }

  /** Records a frame holding a large array for a throwable nobody keeps, as a swallowing catch leaves it. */
  private static void recordSwallowed(ThreadRecords own, AtomicReference<WeakReference<byte[]>> local) {
    byte[] buffer = new byte[LARGE];
    local.set(new WeakReference<>(buffer));
    Throwable swallowed = new IllegalStateException("never logged");
    own.add(swallowed, new RecordedFrame("fixture.Worker", "fill", -1, new String[] {"buffer"},
        new String[] {"byte[]"}, new Object[] {buffer}), false, 64, UNLIMITED);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code ref} is cleared within a bounded number of collections. */
  static boolean collected(WeakReference<?> ref) throws InterruptedException {
    for (int i = 0; i < 100 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return ref.get() == null;
  }
}
