package dev.offlinedebug.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The dump rows of the README's table in CPU time of the calling thread instead of wall-clock time:
 * on a shared machine other processes' load stretches wall-clock times tenfold, the thread's own CPU
 * time far less. Each pair is timed alternately, 2,000 calls a side, 25 times; printed are the
 * medians and the median ratio with its quartiles. {@code writeDumpWithLocals} is timed with its
 * setup (making and recording the throwable) and the setup timed alone is subtracted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.CpuTimeReport</pre>
 */
public final class CpuTimeReport {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CALLS = 2_000;
  private static final int ROUNDS = 25;
  private static final long WARMUP_NANOS = 5_000_000_000L;
  static Object sink;

  private CpuTimeReport() {}

  public static void main(String[] args) throws Exception {
    DumpWriteBenchmark dumps = new DumpWriteBenchmark();
    dumps.open();
    DumpWriteBenchmark.Recorded recorded = new DumpWriteBenchmark.Recorded();
    try {
      Call baseline = () -> sink = dumps.printStackTrace();
      report("writeDump / printStackTrace", baseline, () -> sink = dumps.writeDump(), null);
      report("positionedWrite / printStackTrace", baseline, () -> sink = dumps.positionedWrite(), null);
      report("writeDumpRealFrames / printStackTraceRealFrames", () -> sink = dumps.printStackTraceRealFrames(),
          () -> sink = dumps.writeDumpRealFrames(), null);
      report("writeDumpWithLocals / printStackTrace", baseline, () -> {
        recorded.record();
        sink = dumps.writeDumpWithLocals(recorded);
      }, recorded::record);
    } finally {
      dumps.close();
    }
    for (String fileAppender : new String[] {"readme", "buffered"}) {
      compare("Log4j2", Log4j2AppenderBenchmark::new, fileAppender);
      compare("Logback", LogbackAppenderBenchmark::new, fileAppender);
    }
  }

  /** A full dump every call ({@code dedupOff}) against the same logger without the appender. */
  private static void compare(String framework, Supplier<AppenderBenchmark> make, String fileAppender)
      throws Exception {
    AppenderBenchmark plain = make.get();
    AppenderBenchmark full = make.get();
    plain.configure("plain", fileAppender);
    full.configure("dedupOff", fileAppender);
    plain.start();
    full.start();
    try {
      report(framework + " full dump / plain, " + fileAppender, plain::logError, full::logError, null);
    } finally {
      plain.stop();
      full.stop();
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  /** Times {@code measured} against {@code baseline}; {@code setup}, when given, is timed alone and subtracted. */
  private static void report(String what, Call baseline, Call measured, Call setup) throws Exception {
    for (long end = System.nanoTime() + WARMUP_NANOS; System.nanoTime() < end; ) {
      for (int i = 0; i < 200; i++) {
        baseline.run();
        measured.run();
      }
    }
    double[] base = new double[ROUNDS];
    double[] time = new double[ROUNDS];
    double[] ratio = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      base[r] = perCall(baseline);
      time[r] = perCall(measured) - (setup == null ? 0 : perCall(setup));
      ratio[r] = time[r] / base[r];
    }
    System.out.printf("%-48s %s  %6.0f / %6.0f ns CPU per call%n", what, Quartiles.of(ratio), Quartiles.median(time),
        Quartiles.median(base));
  }

  private static double perCall(Call call) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / (double) CALLS;
  }
}
