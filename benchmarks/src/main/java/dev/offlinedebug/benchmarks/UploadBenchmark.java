package dev.offlinedebug.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
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
 * Log4j2 {@code logger.error(msg, ex)} of the {@linkplain ReferenceFailure reference failure} with
 * the README's configuration and a full dump every call ({@code dedupWindow="0"}), with {@code
 * upload} set to a bucket of a real S3-compatible server ({@code upload=s3}) against {@code upload}
 * unset ({@code none}). The server runs in both, so they differ only by the upload thread. Goal:
 * {@code s3 / none <= 1.05}, as the logging thread never waits for the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UploadBenchmark {
  private static final String PREFIX = "orders";

  @Param({"none", "s3"})
  public String upload;

  private BenchmarkBucket bucket;
  private ScratchDirectory dir;
  private LoggerContext context;
  private Logger logger;
  private final ReferenceFailure failure = new ReferenceFailure();

  @Setup(Level.Trial)
  public void start() throws Exception {
    bucket = BenchmarkBucket.start();
    dir = new ScratchDirectory("od-upload-bench");
    System.setProperty("od.bench.dir", dir.path().toString());
    System.setProperty("od.bench.upload", upload.equals("s3") ? bucket.location(PREFIX).toString() : "");
    context = new LoggerContext(upload, null,
        getClass().getClassLoader().getResource("log4j2-bench-upload.xml").toURI());
    context.start();
    logger = context.getLogger("bench.Orders");
  }

  /** Stops the appender, which uploads what is left, and fails a trial whose dumps never reached the bucket. */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    context.stop();
    try {
      if (upload.equals("s3") && bucket.objects(PREFIX).isEmpty()) {
        throw new IllegalStateException("upload=s3 measured nothing: no store file reached " + bucket.location(PREFIX));
      }
    } finally {
      dir.close();
      bucket.close();
    }
  }

  @Benchmark
  public void logError() {
    logger.error("order {} failed", 42, failure.next());
  }
}
