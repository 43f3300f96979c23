package dev.offlinedebug.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpSinkTest {
  @TempDir Path dir;

  @Test
  void dumpId_oneThrowableThroughTwoAppendersAtOnce_getsOneDump() throws Exception {
    SinkSettings settings = new SinkSettings(WriterSettings.defaults(dir), Severity.ERROR);
    DumpSink first = OpenSinks.acquire(settings, StatusListener.IGNORE);
    DumpSink second = OpenSinks.acquire(settings, StatusListener.IGNORE);
    Throwable thrown = new IllegalStateException("logged by every thread");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CyclicBarrier start = new CyclicBarrier(6);
    Set<String> ids = new HashSet<>();
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        DumpSink sink = t % 2 == 0 ? first : second;
        results.add(pool.submit(() -> {
          start.await();
          return sink.dumpId(thrown, Severity.ERROR, LoggedEvent::standalone);
        }));
      }
      for (Future<String> id : results) {
        ids.add(id.get());
      }
    } finally {
      pool.shutdownNow();
      first.close();
      second.close();
    }

    assertEquals(1, ids.size(), ids::toString);
    assertNotNull(ids.iterator().next());
    assertEquals(List.copyOf(ids), OfflineDebug.open(dir).list().stream().map(DumpSummary::id).toList());
  }
}
