package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpWriterTest {
  @TempDir Path dir;

  @Test
  void write_sameThrowableTwiceReturnsFirstId() throws IOException {
    Throwable thrown = StoreTests.failure(1);
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      String first = writer.write(thrown, LoggedEvent.standalone());
      assertEquals(first, writer.write(thrown, LoggedEvent.standalone()));
      assertNotEquals(first, writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
    }
    assertEquals(2, OfflineDebug.open(dir).list().size());
  }

  @Test
  void write_whileInterruptedWritesAndKeepsTheFlag() throws IOException {
    String id;
    boolean stillInterrupted;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      Thread.currentThread().interrupt();
      try {
        id = writer.write(StoreTests.failure(1), LoggedEvent.standalone());
      } finally {
        stillInterrupted = Thread.interrupted();
      }
    }
    assertTrue(stillInterrupted, "the caller's interrupt flag is restored");
    assertNotNull(id);
    assertEquals(id, OfflineDebug.open(dir).load(id).id());
  }

  @Test
  void write_repeatInsideDedupWindowIsAnOccurrenceOfTheFirst() throws IOException {
    WriterSettings settings = StoreTests.settings(dir, 1 << 20, 1 << 30, Duration.ofMinutes(5), 1000);
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      for (int i = 0; i < 5; i++) {
        ids.add(writer.write(sameSite("attempt " + i), LoggedEvent.standalone()));
      }
      ids.add(writer.write(new IllegalArgumentException("elsewhere"), LoggedEvent.standalone()));
    }
    assertEquals(5, new HashSet<>(ids.subList(0, 5)).size());
    for (String repeat : ids.subList(1, 5)) {
      assertTrue(repeat.startsWith(ids.get(0) + "."), repeat);
    }
    assertNotEquals(ids.get(0), ids.get(5));
    List<DumpSummary> list = OfflineDebug.open(dir).list();
    assertEquals(List.of(ids.get(0), ids.get(5)), list.stream().map(DumpSummary::id).toList());
    assertEquals(5, list.get(0).occurrences());
    assertEquals(1, list.get(1).occurrences());
    assertTrue(list.get(0).fingerprint().startsWith("java.lang.IllegalStateException@" + getClass().getName() + ".sameSite:"),
        list.get(0).fingerprint());
  }

  private static Throwable sameSite(String message) {
    return new IllegalStateException(message);
  }

  @Test
  void write_overRateLimitDropsAndReportsOnce() throws IOException {
    StoreTests.Reports reports = new StoreTests.Reports();
    WriterSettings settings = StoreTests.settings(dir, 1 << 20, 1 << 30, Duration.ZERO, 3);
    int written = 0;
    int dropped = 0;
    long start = System.nanoTime();
    try (DumpWriter writer = DumpWriter.open(settings, reports)) {
      for (int i = 0; i < 200; i++) {
        if (writer.write(StoreTests.failure(i), LoggedEvent.standalone()) == null) {
          dropped++;
        } else {
          written++;
        }
      }
    }
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;
    assertTrue(written <= 3 * (seconds + 1), written + " written in " + seconds + " s");
    assertTrue(dropped > 0);
    assertTrue(reports.count("maxDumpsPerSecond") >= 1 && reports.count("maxDumpsPerSecond") <= seconds + 1,
        reports.messages.toString());
  }

  @Test
  void write_eightThreadsGetUniqueLoadableIds() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            assertTrue(ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone())));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();
    }
    assertEquals(400, ids.size());
    for (String id : ids) {
      assertEquals(id, OfflineDebug.open(dir).load(id).id());
    }
  }

  @Test
  void write_threadsRacingOnOneThrowable_getOneDumpAndOneId() throws Exception {
    int threads = 8;
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<String> roundIds = new HashSet<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      for (int round = 0; round < rounds; round++) {
        Throwable thrown = StoreTests.failure(round);
        AtomicInteger eventsBuilt = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<String>> ids = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // Half as OfflineDebug.save and the JUnit extension call it, half as the appenders do.
          boolean direct = t % 2 == 0;
          ids.add(pool.submit(() -> {
            start.await();
            return direct
                ? writer.write(thrown, LoggedEvent.standalone())
                : writer.dumpId(thrown, () -> {
                  eventsBuilt.incrementAndGet();
                  return LoggedEvent.standalone();
                });
          }));
        }
        Set<String> distinct = new HashSet<>();
        for (Future<String> id : ids) {
          distinct.add(id.get());
        }
        assertEquals(1, distinct.size(), distinct::toString);
        assertTrue(eventsBuilt.get() <= 1, eventsBuilt + " events built for one dump");
        roundIds.addAll(distinct);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(rounds, roundIds.size());
    assertEquals(roundIds, Set.copyOf(OfflineDebug.open(dir).list().stream().map(DumpSummary::id).toList()));
  }

  @Test
  void dumpId_throwableWrittenAlready_buildsNoEvent() throws IOException {
    Throwable thrown = StoreTests.failure(1);
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      String id = writer.write(thrown, LoggedEvent.standalone());

      assertEquals(id, writer.dumpId(thrown, () -> {
        throw new AssertionError("event built for a throwable written already");
      }));
    }
  }

  @Test
  void write_afterCloseReturnsNull() throws IOException {
    DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE);
    assertNotNull(writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
    writer.close();
    assertNull(writer.write(StoreTests.failure(2), LoggedEvent.standalone()));
    assertNull(writer.write(null, LoggedEvent.standalone()));
  }
}
