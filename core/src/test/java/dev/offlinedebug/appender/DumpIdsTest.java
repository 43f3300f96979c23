package dev.offlinedebug.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DumpIdsTest {
  private final DumpIds ids = new DumpIds();
  private final AtomicInteger writes = new AtomicInteger();

  private String write(Throwable t) {
    return "id-" + writes.incrementAndGet();
  }

  @Test
  void idFor_sameThrowableTwice_writesOnce() {
    Throwable t = new IllegalStateException();

    assertEquals("id-1", ids.idFor(t, this::write));
    assertEquals("id-1", ids.idFor(t, this::write));
    assertEquals(1, writes.get());
  }

  @Test
  void idFor_distinctThrowables_writeEach() {
    assertEquals("id-1", ids.idFor(new IllegalStateException(), this::write));
    assertEquals("id-2", ids.idFor(new IllegalStateException(), this::write));
  }

  @Test
  void idFor_droppedDump_isNotRemembered() {
    Throwable t = new IllegalStateException();

    assertNull(ids.idFor(t, x -> null));
    assertEquals("id-1", ids.idFor(t, this::write));
  }

  @Test
  void idFor_concurrentCallersOfOneThrowable_writeExactlyOnce() throws Exception {
    Throwable t = new IllegalStateException();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] results = new Future<?>[4];
      for (int i = 0; i < results.length; i++) {
        results[i] = pool.submit(() -> {
          go.await();
          return ids.idFor(t, this::write);
        });
      }
      go.countDown();
      for (Future<?> r : results) {
        assertEquals("id-1", r.get());
      }
      assertEquals(1, writes.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
