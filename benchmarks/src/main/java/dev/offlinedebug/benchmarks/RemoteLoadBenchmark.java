package dev.offlinedebug.benchmarks;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.store.RemoteDumpStore;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
    ReferenceStoreFile file = ReferenceStoreFile.write();
    id = file.id();
    // The bucket holds 10,000 objects either way, the rest under another prefix, so that both
    // trials find the server as full and as warmed up by the same requests: only the prefix's size
    // differs.
    bucket.put(PREFIX, file.name(), file.bytes());
    file.putCopies(bucket, PREFIX, 1, objects);
    file.putCopies(bucket, ELSEWHERE, objects, MOST);
    store = RemoteDumpStore.open(bucket.location(PREFIX));
    if (!store.load(id).id().equals(id)) {
      throw new IllegalStateException("loaded another dump than " + id);
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
