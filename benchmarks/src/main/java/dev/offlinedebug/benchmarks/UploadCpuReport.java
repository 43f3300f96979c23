package dev.offlinedebug.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The paced upload rows of the README's table as paired ratios of the logging thread's CPU time,
 * which on a shared machine resolve what {@link UploadBenchmark}'s separate trials cannot. Two Log4j2
 * contexts in one JVM with {@code UploadBenchmark}'s configuration (the README's, a full dump every
 * call): one with {@code upload} set to a bucket of a real S3-compatible server in a child JVM at
 * the lowest priority ({@link BenchmarkBucket#startChild}), one without. Each round logs the
 * {@linkplain ReferenceFailure reference failure} at the given rate for a block of time through one
 * context, then through the other, and takes the ratio of their CPU time per call (upload / none);
 * printed are the median ratio over the rounds with its quartiles, the medians of both, and the
 * upload thread's CPU time per dump. Before each block without {@code upload}, it waits until the
 * upload thread has sent what the block before left (it re-sends a growing file within {@value
 * #RESEND_SECONDS} s), so that the sending is counted against the block that caused it only.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.UploadCpuReport [max|dumps per second ...]</pre>
 *
 * <p>Default rates: {@code max}, back to back (tens of megabytes of dumps a second, which the upload
 * thread sends all through the block and finishes after it); 1,000 dumps a second, a storm with
 * {@code maxDumpsPerSecond} raised; and 20, the default {@code maxDumpsPerSecond} sustained.
 */
public final class UploadCpuReport {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String PREFIX = "orders";
  private static final int ROUNDS = 15;
  /** A block lasts at least this many calls' intervals, so that slow rates are not judged on a few calls. */
  private static final int MIN_CALLS = 200;
  private static final long MIN_BLOCK_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long WARMUP_CALLS = 20_000;
  private static final int RESEND_SECONDS = 5;
  /**
   * Longer than the upload thread's pass interval (1 s). An idle pass (listing the store) takes
   * about a millisecond of its CPU; sending a file of 1 MB, more than {@link #IDLE_CPU_NANOS}.
   */
  private static final long IDLE_MILLIS = 1_500;
  private static final long IDLE_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private UploadCpuReport() {}

  public static void main(String[] args) throws Exception {
    String[] rates = args.length == 0 ? new String[] {"max", "1000", "20"} : args;
    try (BenchmarkBucket bucket = BenchmarkBucket.startChild();
        ScratchDirectory dir = new ScratchDirectory("od-upload-cpu")) {
      Side upload = Side.start("upload", dir.path().resolve("upload"), bucket.location(PREFIX).toString());
      Side none = Side.start("none", dir.path().resolve("none"), "");
      try {
        for (long i = 0; i < WARMUP_CALLS; i++) {
          upload.log();
          none.log();
        }
        awaitSent();
        for (String rate : rates) {
          report(rate, upload, none);
        }
      } finally {
        upload.context.stop();
        none.context.stop();
      }
      if (bucket.objects(PREFIX).isEmpty()) {
        throw new IllegalStateException("nothing reached " + bucket.location(PREFIX) + ": upload measured nothing");
      }
    }
  }

  /** {@code rate}: dumps per second, or {@code max} for back to back. */
  private static void report(String rate, Side upload, Side none) throws InterruptedException {
    long pause = rate.equals("max") ? 0 : TimeUnit.SECONDS.toNanos(1) / Integer.parseInt(rate);
    long block = Math.max(MIN_BLOCK_NANOS, MIN_CALLS * pause);
    double[] with = new double[ROUNDS];
    double[] without = new double[ROUNDS];
    double[] ratio = new double[ROUNDS];
    double[] sending = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long sentBefore = UploadBenchmark.uploadThreadCpu();
      Block logged = log(upload, block, pause);
      awaitSent();
      sending[r] = (UploadBenchmark.uploadThreadCpu() - sentBefore) / (double) logged.calls;
      with[r] = logged.cpuPerCall();
      without[r] = log(none, block, pause).cpuPerCall();
      ratio[r] = with[r] / without[r];
    }
    System.out.printf("%4s dumps/s, blocks of %2d s: upload / none %s  %6.0f / %6.0f ns CPU per call;"
        + " upload thread %6.0f ns per dump%n", rate, TimeUnit.NANOSECONDS.toSeconds(block), Quartiles.of(ratio),
        Quartiles.median(with), Quartiles.median(without), Quartiles.median(sending));
  }

  /**
   * Logs through {@code side} for {@code nanos}, a call every {@code pause}; the waits are not
   * timed, and back to back ({@code pause} 0) the block is timed whole, as a thread's CPU time costs
   * a system call to read.
   */
  private static Block log(Side side, long nanos, long pause) {
    long end = System.nanoTime() + nanos;
    int calls = 0;
    long cpu = 0;
    if (pause == 0) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (; System.nanoTime() < end; calls++) {
        side.log();
      }
      return new Block(calls, THREADS.getCurrentThreadCpuTime() - start);
    }
    for (long next = System.nanoTime(); next < end; next += pause, calls++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long start = THREADS.getCurrentThreadCpuTime();
      side.log();
      cpu += THREADS.getCurrentThreadCpuTime() - start;
    }
    return new Block(calls, cpu);
  }

  private record Block(int calls, long cpuNanos) {
    double cpuPerCall() {
      return cpuNanos / (double) calls;
    }
  }

  /** Waits past the re-send of the growing file, then until the upload thread is idle. */
  private static void awaitSent() throws InterruptedException {
    TimeUnit.SECONDS.sleep(RESEND_SECONDS);
    long last = UploadBenchmark.uploadThreadCpu();
    while (true) {
      TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
      long now = UploadBenchmark.uploadThreadCpu();
      if (now - last < IDLE_CPU_NANOS) {
        return;
      }
      last = now;
    }
  }

  /** One Log4j2 context with {@code log4j2-bench-upload.xml}, its files in {@code dir}. */
  private record Side(LoggerContext context, Logger logger, ReferenceFailure failure) {
    static Side start(String name, Path dir, String upload) throws Exception {
      System.setProperty("od.bench.dir", dir.toString());
      System.setProperty("od.bench.upload", upload);
      LoggerContext context = new LoggerContext(name, null,
          UploadCpuReport.class.getClassLoader().getResource("log4j2-bench-upload.xml").toURI());
      context.start();
      return new Side(context, context.getLogger("bench.Orders"), new ReferenceFailure());
    }

    void log() {
      logger.error("order {} failed", 42, failure.next());
    }
  }
}
