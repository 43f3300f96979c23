package dev.offlinedebug.benchmarks;

import dev.offlinedebug.internal.store.RemoteDumpStore;
import java.io.IOException;

/**
 * The load row of the README's table as a paired ratio, which on a shared machine resolves what
 * {@link RemoteLoadBenchmark}'s separate trials cannot: one bucket of a real S3-compatible server in
 * this JVM holds the same store file (one dump of the {@linkplain ReferenceDump reference
 * exception}) under a prefix of 10 store-file objects and under one of 10,000; each round loads the
 * dump by ID a block of times from one prefix, then from the other (the order alternating), and
 * takes the ratio of their wall-clock time per load (10,000 / 10). Printed are the median ratio
 * over the rounds with its quartiles, and the median time per load of both.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.RemoteLoadReport</pre>
 */
public final class RemoteLoadReport {
  private static final int FEW = 10;
  private static final int MANY = 10_000;
  private static final int ROUNDS = 21;
  private static final int LOADS = 300;
  private static final int WARMUP_LOADS = 3_000;

  private RemoteLoadReport() {}

  public static void main(String[] args) throws Exception {
    try (BenchmarkBucket bucket = BenchmarkBucket.start()) {
      ReferenceStoreFile file = ReferenceStoreFile.write();
      bucket.put("few", file.name(), file.bytes());
      file.putCopies(bucket, "few", 1, FEW);
      bucket.put("many", file.name(), file.bytes());
      file.putCopies(bucket, "many", 1, MANY);
      RemoteDumpStore few = RemoteDumpStore.open(bucket.location("few"));
      RemoteDumpStore many = RemoteDumpStore.open(bucket.location("many"));
      try {
        for (int i = 0; i < WARMUP_LOADS; i++) {
          load(few, file.id());
          load(many, file.id());
        }
        double[] fewTimes = new double[ROUNDS];
        double[] manyTimes = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
          if (r % 2 == 0) {
            fewTimes[r] = perLoad(few, file.id());
            manyTimes[r] = perLoad(many, file.id());
          } else {
            manyTimes[r] = perLoad(many, file.id());
            fewTimes[r] = perLoad(few, file.id());
          }
          ratio[r] = manyTimes[r] / fewTimes[r];
        }
        System.out.printf("load(id), prefix of %,d / of %,d store files: %s  %6.0f / %6.0f us per load%n", MANY, FEW,
            Quartiles.of(ratio), Quartiles.median(manyTimes) / 1e3, Quartiles.median(fewTimes) / 1e3);
      } finally {
        few.close();
        many.close();
      }
    }
  }

  private static double perLoad(RemoteDumpStore store, String id) throws IOException {
    long start = System.nanoTime();
    for (int i = 0; i < LOADS; i++) {
      load(store, id);
    }
    return (System.nanoTime() - start) / (double) LOADS;
  }

  private static void load(RemoteDumpStore store, String id) throws IOException {
    if (!store.load(id).id().equals(id)) {
      throw new IllegalStateException("loaded another dump than " + id);
    }
  }
}
