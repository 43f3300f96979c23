package dev.offlinedebug.locals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Records on a real thread that then ends, as a short-lived thread logging through an asynchronous
 * appender does, and takes from the test thread after garbage collections.
 */
class ThreadRecordsRegistryTest {
  private static final ThrowableRateLimit UNLIMITED = new ThrowableRateLimit(1_000_000);

  @Test
  void remove_afterRecordingThreadEndedAndGc_returnsFrames() throws Exception {
    ThreadRecordsRegistry registry = new ThreadRecordsRegistry();
    Throwable thrown = new IllegalStateException("async");
    WeakReference<ThreadRecords> ring = recordOnEndedThread(registry, thrown);

    collectGarbage();

    List<RecordedFrame> frames = registry.remove(thrown, null);
    assertNotNull(frames, "the ended thread's records must survive while the throwable lives");
    assertEquals("fixture.Worker", frames.get(0).className());
    assertEquals("run", frames.get(0).methodName());
    assertEquals(List.of(42), List.of(frames.get(0).values()));
    assertEquals(0, registry.size(), "taken its last record, the ended thread's ring is released");
    assertTrue(poll(() -> {
      collectGarbage();
      return ring.get() == null;
    }), "a released ring must become unreachable");
  }

  @Test
  void releaseSpent_endedThreadWhoseThrowableWasCollected_releasesRing() throws Exception {
    ThreadRecordsRegistry registry = new ThreadRecordsRegistry();
    recordOnEndedThread(registry, new IllegalStateException("never logged"));
    assertEquals(1, registry.size());

    assertTrue(poll(() -> {
      collectGarbage();
      registry.releaseSpent();
      return registry.size() == 0;
    }), "an ended thread's ring whose throwables are collected must be released");
  }

  @Test
  void releaseSpent_liveThread_keepsRing() {
    ThreadRecordsRegistry registry = new ThreadRecordsRegistry();
    ThreadRecords own = new ThreadRecords();
    registry.register(own);

    registry.releaseSpent();

    assertEquals(1, registry.size());
    assertNull(registry.remove(new IllegalStateException(), own));
    assertEquals(1, registry.size());
  }

  /** Records one frame for {@code thrown} on a new thread, as the agent would, and joins it. */
  private static WeakReference<ThreadRecords> recordOnEndedThread(ThreadRecordsRegistry registry,
      Throwable thrown) throws InterruptedException {
    AtomicReference<WeakReference<ThreadRecords>> ring = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      ThreadRecords own = new ThreadRecords();
      registry.register(own);
      own.add(thrown, new RecordedFrame("fixture.Worker", "run", -1, new String[] {"n"},
          new String[] {"int"}, new Object[] {42}), false, 64, UNLIMITED);
      ring.set(new WeakReference<>(own));
    }, "short-lived");
    thread.start();
    thread.join();
    return ring.get();
  }

  /** Runs collections until a fresh weakly reachable object is cleared, a bounded number of times. */
  private static void collectGarbage() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 10 && canary.get() != null; i++) {
      System.gc();
    }
  }

  private static boolean poll(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }
}
