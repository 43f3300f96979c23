package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeats inside the dedup window: stored as occurrences with IDs of their own, within budget and rate. */
class OccurrenceStoreTest {
  @TempDir Path dir;

  static WriterSettings settings(Path dir, long maxFileSize, int maxDumpBytes, int perSecond) {
    return new WriterSettings(dir, maxFileSize, 1L << 30, Duration.ofDays(7), Duration.ofMinutes(5), perSecond, "test",
        new CaptureLimits(4, 1024, 64, maxDumpBytes, List.of()));
  }

  /** The same failure, thrown from one place, for each quantity. */
  private static Throwable outOfStock(int quantity) {
    return new IllegalStateException(quantity + " items out of stock");
  }

  private static LoggedEvent request(int n) {
    return new LoggedEvent(Instant.now(), "com.acme.Orders", "ERROR", "order " + n + " failed",
        new ThreadInfo("http-" + n, n, false, 5), Map.of("request", "r" + n), List.of(), Map.of());
  }

  static List<String> writeOrders(WriterSettings settings, int... quantities) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      for (int i = 0; i < quantities.length; i++) {
        ids.add(writer.write(outOfStock(quantities[i]), request(i)));
      }
    }
    return ids;
  }

  @Test
  void write_eachRepeatGetsItsOwnIdThatLoadsItsOwnValues() throws IOException {
    List<String> ids = writeOrders(settings(dir, 1 << 20, 256 * 1024, 1000), 7, 9, 7);
    String first = ids.get(0);
    assertEquals(3, Set.copyOf(ids).size(), ids.toString());
    DumpStore store = OfflineDebug.open(dir);
    int[] quantities = {7, 9, 7};
    for (int i = 0; i < 3; i++) {
      assertTrue(ids.get(i).startsWith(first), ids.get(i) + " is greppable as " + first);
      Dump dump = store.load(ids.get(i));
      assertEquals(ids.get(i), dump.id());
      assertEquals(quantities[i] + " items out of stock", dump.exception().root().message());
      assertEquals("order " + i + " failed", dump.message());
      assertEquals(Map.of("request", "r" + i), dump.mdc());
      assertEquals("http-" + i, dump.thread().name());
      assertEquals(store.load(first).exception().root().frames(), dump.exception().root().frames());
    }
    DumpOccurrences occurrences = store.occurrences(first);
    assertEquals(ids.subList(1, 3), occurrences.stored().stream().map(DumpOccurrences.Stored::id).toList());
    assertEquals(0, occurrences.counted());
    assertEquals(3, occurrences.total());
    assertEquals(occurrences, store.occurrences(ids.get(2)), "an occurrence's ID finds its siblings");
    List<DumpSummary> list = store.list();
    assertEquals(1, list.size(), "occurrences are not listed as dumps");
    assertEquals(3, list.get(0).occurrences());
  }

  @Test
  void write_occurrenceInALaterStoreFileLoads() throws IOException {
    // Every record rolls to a file of its own.
    List<String> ids = writeOrders(settings(dir, 1, 256 * 1024, 1000), 7, 9);
    DumpId first = DumpId.parse(ids.get(0));
    OccurrenceId repeat = OccurrenceId.parse(ids.get(1));
    assertNotEquals(first.file(), repeat.at().file());
    assertEquals(ids.get(1), repeat.text());
    assertEquals("9 items out of stock", OfflineDebug.open(dir).load(ids.get(1)).exception().root().message());
  }

  @Test
  void write_pastTheByteBudgetRepeatsAreCountedOnTheFirst() throws IOException {
    int budget = 4096;
    int[] quantities = new int[300];
    for (int i = 0; i < quantities.length; i++) {
      quantities[i] = i;
    }
    List<String> ids = writeOrders(settings(dir, 1 << 20, budget, 100_000), quantities);
    String first = ids.get(0);
    long counted = ids.stream().skip(1).filter(first::equals).count();
    assertTrue(counted > 0 && counted < 299, counted + " counted");
    DumpStore store = OfflineDebug.open(dir);
    DumpOccurrences occurrences = store.occurrences(first);
    assertEquals(counted, occurrences.counted());
    assertEquals(299 - counted, occurrences.stored().size());
    assertEquals(300, store.list().get(0).occurrences());
    long dumpBytes = Files.size(dir.resolve(DumpId.parse(first).file() + StoreLayout.SUFFIX));
    assertTrue(dumpBytes < 2 * budget + 1024, dumpBytes + " bytes for a dump of at most " + budget
        + " and occurrences of at most " + budget);
  }

  @Test
  void write_millionIdenticalFailuresKeepBoundedBytesAndEveryIdLoads() throws Exception {
    int budget = 16 * 1024;
    Set<String> ids = ConcurrentHashMap.newKeySet();
    try (DumpWriter writer = DumpWriter.open(settings(dir, 1 << 20, budget, 100_000), StatusListener.IGNORE)) {
      // A fresh thread keeps stacks shallow, so a million throwables are quick to make.
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 500_000; i++) {
            ids.add(String.valueOf(writer.write(outOfStock(1), LoggedEvent.standalone())));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();
    }
    DumpStore store = OfflineDebug.open(dir);
    List<DumpSummary> list = store.list();
    assertTrue(list.size() <= 2, "racing threads may both write the first dump: " + list.size());
    assertEquals(1_000_000, list.stream().mapToLong(DumpSummary::occurrences).sum());
    for (String id : ids) {
      assertEquals(id, store.load(id).id());
    }
    long bytes = 0;
    for (Path file : StoreLayout.storeFiles(dir)) {
      bytes += Files.size(file);
    }
    assertTrue(bytes < list.size() * 2L * budget + 4096, bytes + " bytes on disk");
  }
}
