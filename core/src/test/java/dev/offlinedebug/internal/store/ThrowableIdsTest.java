package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hang guards only: no test asserts how long anything took. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ThrowableIdsTest {
  private static final long FOREVER = TimeUnit.DAYS.toNanos(1);

  private final StoreTests.Reports reports = new StoreTests.Reports();
  private final AtomicInteger writes = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private String write() {
    return "id-" + writes.incrementAndGet();
  }

  /** A write that takes a while, so that racing callers overlap it. */
  private String slowWrite() {
    for (int i = 0; i < 1000; i++) {
      Thread.yield();
    }
    return write();
  }

  @Test
  void idFor_sameThrowableTwice_writesOnce() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();

    assertEquals("id-1", ids.idFor(t, this::write));
    assertEquals("id-1", ids.idFor(t, this::write));
    assertEquals(1, writes.get());
  }

  @Test
  void idFor_distinctThrowablesWithHostileEquals_writeEach() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);

    assertEquals("id-1", ids.idFor(new Hostile(), this::write));
    assertEquals("id-2", ids.idFor(new Hostile(), this::write));
  }

  @Test
  void idFor_droppedDump_isNotRemembered() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();

    assertNull(ids.idFor(t, () -> null));
    assertEquals("id-1", ids.idFor(t, this::write));
  }

  @Test
  void idFor_writeFailedAfterCapture_rememberedAsNoId() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();

    assertNull(ids.idFor(t, () -> ThrowableIds.FAILED));
    assertNull(ids.idFor(t, this::write));
    assertEquals(0, writes.get());
  }

  @Test
  void idFor_racingThreads_writeOnceAndShareTheId() throws Exception {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    for (int round = 0; round < 50; round++) {
      Throwable t = new Hostile();
      CyclicBarrier start = new CyclicBarrier(8);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return ids.idFor(t, this::slowWrite);
        }));
      }
      String expected = "id-" + (round + 1);
      for (Future<String> r : results) {
        assertEquals(expected, r.get());
      }
      assertEquals(round + 1, writes.get());
    }
  }

  @Test
  void idFor_threadsArrivingWhileOneWrites_waitForItsId() throws Exception {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new Hostile();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Future<String> writer = pool.submit(() -> ids.idFor(t, () -> {
      writing.countDown();
      await(finish);
      return write();
    }));
    writing.await();
    List<FutureTask<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      waiters.add(startWaiting(ids, t));
    }
    finish.countDown();

    assertEquals("id-1", writer.get());
    for (FutureTask<String> w : waiters) {
      assertEquals("id-1", w.get());
    }
    assertEquals(1, writes.get());
  }

  @Test
  void idFor_writerSlowerThanTheWait_givesUpWithoutASecondDump() throws Exception {
    ThrowableIds ids = new ThrowableIds(0, reports);
    Throwable t = new IllegalStateException();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Future<String> writer = pool.submit(() -> ids.idFor(t, () -> {
      writing.countDown();
      await(finish);
      return write();
    }));
    writing.await();

    assertNull(pool.submit(() -> ids.idFor(t, this::write)).get());
    assertEquals(1, reports.count("gave up waiting for another thread's dump of the same java.lang.IllegalStateException"),
        reports.messages::toString);
    finish.countDown();
    assertEquals("id-1", writer.get());
    assertEquals("id-1", ids.idFor(t, this::write));
    assertEquals(1, writes.get());
  }

  @Test
  void idFor_awaitedDumpDropped_waiterWritesItself() throws Exception {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Future<String> dropped = pool.submit(() -> ids.idFor(t, () -> {
      writing.countDown();
      await(finish);
      return null;
    }));
    writing.await();
    FutureTask<String> waiter = startWaiting(ids, t);
    finish.countDown();

    assertNull(dropped.get());
    assertEquals("id-1", waiter.get());
  }

  @Test
  void idFor_sameThreadAgainInsideItsWrite_getsNoIdWithoutWaiting() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();
    List<String> nested = new ArrayList<>();

    String id = ids.idFor(t, () -> {
      nested.add(ids.idFor(t, this::write));
      return write();
    });

    assertEquals(Collections.singletonList(null), nested);
    assertEquals("id-1", id);
    assertEquals(1, writes.get());
  }

  @Test
  void idFor_failingWrite_releasesWaitersAndIsNotRemembered() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    Throwable t = new IllegalStateException();

    assertThrows(Error.class, () -> ids.idFor(t, () -> {
      throw new Error("write failed");
    }));
    assertEquals("id-1", ids.idFor(t, this::write));
  }

  @Test
  void idFor_manyDistinctThrowables_rememberAtMostSlots() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    List<Throwable> all = new ArrayList<>();
    for (int i = 0; i < 8 * ThrowableIds.SLOTS; i++) {
      Throwable t = new IllegalStateException();
      all.add(t);
      ids.idFor(t, this::write);
    }
    int remembered = 0;
    for (Throwable t : all) {
      int before = writes.get();
      ids.idFor(t, this::write);
      remembered += writes.get() == before ? 1 : 0;
    }

    assertTrue(remembered <= ThrowableIds.SLOTS, remembered + " remembered");
  }

  @Test
  void idFor_rememberedThrowable_isNotKeptAlive() {
    ThrowableIds ids = new ThrowableIds(FOREVER, reports);
    WeakReference<Throwable> ref = writeAndForget(ids);

    for (int attempt = 0; attempt < 50 && ref.get() != null; attempt++) {
      System.gc();
      Thread.onSpinWait();
    }

    assertNull(ref.get(), "the remembered throwable was collected");
  }

  private WeakReference<Throwable> writeAndForget(ThrowableIds ids) {
    Throwable t = new IllegalStateException();
    assertEquals("id-1", ids.idFor(t, this::write));
    return new WeakReference<>(t);
  }

  /** Starts a thread asking for {@code t}'s ID, and returns once it waits for the thread writing it. */
  private FutureTask<String> startWaiting(ThrowableIds ids, Throwable t) throws InterruptedException {
    FutureTask<String> task = new FutureTask<>(() -> ids.idFor(t, this::write));
    Thread thread = new Thread(task, "waiter");
    thread.start();
    Thread.State state;
    while ((state = thread.getState()) != Thread.State.TIMED_WAITING && state != Thread.State.TERMINATED) {
      Thread.sleep(1);
    }
    assertEquals(Thread.State.TIMED_WAITING, state);
    return task;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws from the methods an identity cache must not call. */
  private static final class Hostile extends RuntimeException {
    @Override
    public int hashCode() {
      throw new AssertionError("hashCode called");
    }

    @Override
    public boolean equals(Object o) {
      throw new AssertionError("equals called");
    }

    @Override
    public String toString() {
      throw new AssertionError("toString called");
    }
  }
}
