package dev.offlinedebug.benchmarks;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.store.RemoteDumpStore;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading one dump by ID from {@code s3://bucket/prefix} of a real S3-compatible server, one store
 * reused across calls, when the prefix holds 10 or 10,000 store-file objects: the store file that
 * holds the dump and copies of it under other store-file names; the bucket holds 10,000 in both.
 * Goal: the same within noise, as a load is one ranged GET of the object its ID names and never
 * lists the prefix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RemoteLoadBenchmark {
  private static final String PREFIX = "orders";
  private static final String ELSEWHERE = "payments";
  private static final int MOST = 10_000;

  @Param({"10", "10000"})
  public int objects;

  private BenchmarkBucket bucket;
  private RemoteDumpStore store;
  private String id;

  @Setup(Level.Trial)
  public void start() throws Exception {
    bucket = BenchmarkBucket.start();
    Path storeFile;
    try (ScratchDirectory dir = new ScratchDirectory("od-remote-load-bench")) {
      DumpWriter writer = DumpWriter.open(new WriterSettings(dir.path(), WriterSettings.DEFAULT_MAX_FILE_SIZE,
          WriterSettings.DEFAULT_MAX_TOTAL_SIZE, Duration.ofDays(1), Duration.ZERO, Integer.MAX_VALUE, "bench",
          CaptureLimits.DEFAULTS), StatusListener.IGNORE);
      id = writer.write(ReferenceDump.newThrowable(), LoggedEvent.standalone());
      writer.close();
      storeFile = storeFile(dir.path());
      byte[] bytes = Files.readAllBytes(storeFile);
      bucket.put(PREFIX, storeFile.getFileName().toString(), bytes);
      // Names a writer could give (9 base-36 digits, '-', 6), none the real one's. The bucket holds
      // 10,000 objects either way, the rest under another prefix, so that both trials find the
      // server as full and as warmed up by the same requests: only the prefix's size differs.
      IntStream.range(1, MOST).parallel().forEach(i -> bucket.put(i < objects ? PREFIX : ELSEWHERE,
          String.format("%9s", Integer.toString(i, 36)).replace(' ', '0') + "-copies.odump", bytes));
    }
    store = RemoteDumpStore.open(bucket.location(PREFIX));
    if (!store.load(id).id().equals(id)) {
      throw new IllegalStateException("loaded another dump than " + id);
    }
  }

  private static Path storeFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> stores = files.filter(f -> f.getFileName().toString().endsWith(".odump")).toList();
      if (stores.size() != 1) {
        throw new IllegalStateException("expected one store file in " + dir + ", found " + stores);
      }
      return stores.get(0);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.close();
    bucket.close();
  }

  @Benchmark
  public Dump load() throws IOException {
    return store.load(id);
  }
}
