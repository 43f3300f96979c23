package dev.offlinedebug.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * unset ({@code none}). The server runs in both, in a child JVM at the lowest priority ({@code
 * server=child}, as in production, where it is on another machine) or in this JVM ({@code
 * server=inProcess}), so the two differ only by the upload thread. Goal: {@code s3 / none <= 1.05}
 * on the logging thread, which never waits for the network.
 *
 * <p>{@code rate} is the dumps logged per second: {@code max} logs back to back (some 30,000 full
 * dumps a second, a storm {@code maxDumpsPerSecond} would cut to 20 by default); {@code 20} logs
 * one every 50 ms, the default {@code maxDumpsPerSecond} sustained, after a burst of {@value
 * #WARMUP_BURST} for the JIT (run it with warmup and measurement iterations of 10 s or more, the
 * first uploading that burst). Besides the time per call, two secondary results per call ({@link CpuPerCall}): {@code
 * loggingCpu}, the CPU time of the logging thread itself, which is what the goal is about, and
 * {@code uploadCpu}, that of the upload thread, which shows what uploading costs per dump logged.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UploadBenchmark {
  private static final String PREFIX = "orders";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARMUP_BURST = 10_000;

  @Param({"none", "s3"})
  public String upload;

  @Param({"max", "20"})
  public String rate;

  @Param({"child", "inProcess"})
  public String server;

  private BenchmarkBucket bucket;
  private ScratchDirectory dir;
  private LoggerContext context;
  private Logger logger;
  private long pauseNanos;
  private long next;
  private final ReferenceFailure failure = new ReferenceFailure();

  @Setup(Level.Trial)
  public void start() throws Exception {
    bucket = server.equals("child") ? BenchmarkBucket.startChild() : BenchmarkBucket.start();
    dir = new ScratchDirectory("od-upload-bench");
    System.setProperty("od.bench.dir", dir.path().toString());
    System.setProperty("od.bench.upload", upload.equals("s3") ? bucket.location(PREFIX).toString() : "");
    context = new LoggerContext(upload, null,
        getClass().getClassLoader().getResource("log4j2-bench-upload.xml").toURI());
    context.start();
    logger = context.getLogger("bench.Orders");
    pauseNanos = rate.equals("max") ? 0 : TimeUnit.SECONDS.toNanos(1) / Integer.parseInt(rate);
    if (pauseNanos > 0) {
      // Paced warmup iterations make too few calls for the JIT: compile the logging (and upload) path first.
      for (int i = 0; i < WARMUP_BURST; i++) {
        logError(new CpuPerCall());
      }
    }
    next = System.nanoTime();
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

  /** At a sustained {@code rate}, waits for the next call's turn; outside the measured time. */
  @Setup(Level.Invocation)
  public void pace() {
    if (pauseNanos == 0) {
      return;
    }
    next += pauseNanos;
    long wait = next - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    } else {
      next = System.nanoTime(); // behind (a slow call, a pause): no burst to catch up
    }
  }

  @Benchmark
  public void logError(CpuPerCall cpu) {
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    logger.error("order {} failed", 42, failure.next());
    cpu.loggingNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
    cpu.timed += System.nanoTime() - start;
    cpu.calls++;
  }

  /**
   * The CPU time the logging thread spends in the calls, and the CPU time of the upload thread over
   * each iteration, per call, reported by JMH like the score, in µs/op with error bars. JMH divides
   * the time it measured by an {@code OPERATIONS} counter; each counter here is scaled so that this
   * quotient is the CPU time per call: {@code calls * timed / cpu}, {@code timed} being the time of
   * the calls as measured here, which is the time JMH measures (the {@link #pace} fixture makes it
   * time each call). Reading the thread's CPU time adds about a microsecond to each call, with
   * upload or without.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class CpuPerCall {
    long calls;
    long timed;
    long loggingNanos;
    private long uploadStart;
    public double loggingCpu;
    public double uploadCpu;

    @Setup(Level.Iteration)
    public void begin() {
      calls = 0;
      timed = 0;
      loggingNanos = 0;
      uploadStart = uploadThreadCpu();
    }

    @TearDown(Level.Iteration)
    public void end() {
      loggingCpu = scaled(loggingNanos);
      uploadCpu = scaled(uploadThreadCpu() - uploadStart);
    }

    private double scaled(long cpuNanos) {
      return cpuNanos <= 0 ? Double.MAX_VALUE : (double) calls * timed / cpuNanos;
    }
  }

  /** CPU time of the thread {@code offline-debug-upload} so far, 0 when there is none. */
  static long uploadThreadCpu() {
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().equals("offline-debug-upload")) {
        return Math.max(THREADS.getThreadCpuTime(thread.getThreadId()), 0);
      }
    }
    return 0;
  }
}
