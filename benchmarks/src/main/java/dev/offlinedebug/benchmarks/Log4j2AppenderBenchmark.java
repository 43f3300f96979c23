package dev.offlinedebug.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code logger.error(msg, ex)} of the reference exception (20 frames, one cause; a new throwable
 * per call, as in production) to a file appender, in three setups, each with the file appender as
 * the README configures it ({@code readme}: default {@code immediateFlush}, a flush per event) and
 * buffered ({@code buffered}: {@code immediateFlush="false"}, 64 KiB buffer):
 *
 * <ul>
 *   <li>{@code plain}: the file appender only, the baseline;
 *   <li>{@code dedupHit}: plus the {@code OfflineDebug} appender and {@code %dumpId}, default
 *       dedup window: after the first dump every call is a dedup hit (same fingerprint);
 *   <li>{@code dedupOff}: {@code dedupWindow="0"}: every call captures and writes a full dump.
 * </ul>
 *
 * The ratio of each to {@code plain} is the cost of dumps (goal: at most 1.5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Log4j2AppenderBenchmark implements AppenderBenchmark {
  private static final int FRAMES = 20;

  @Param({"plain", "dedupHit", "dedupOff"})
  public String setup;

  @Param({"readme", "buffered"})
  public String fileAppender;

  private Path dir;
  private LoggerContext context;
  private Logger logger;
  private StackTraceElement[] frames;
  private Throwable cause;

  @Override
  public void configure(String setup, String fileAppender) {
    this.setup = setup;
    this.fileAppender = fileAppender;
  }

  @Setup(Level.Trial)
  @Override
  public void start() throws IOException, URISyntaxException {
    dir = Files.createTempDirectory("od-log4j2-bench");
    System.setProperty("od.bench.dir", dir.toString());
    System.setProperty("od.bench.dedupWindow", setup.equals("dedupOff") ? "0" : "60s");
    boolean buffered = fileAppender.equals("buffered");
    System.setProperty("od.bench.immediateFlush", String.valueOf(!buffered));
    System.setProperty("od.bench.bufferSize", buffered ? "65536" : "8192");
    String config = setup.equals("plain") ? "log4j2-bench-plain.xml" : "log4j2-bench-dumps.xml";
    context = new LoggerContext(setup, null, getClass().getClassLoader().getResource(config).toURI());
    context.start();
    logger = context.getLogger("bench.Orders");
    frames = new StackTraceElement[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      frames[i] = new StackTraceElement("com.acme.orders.Layer" + i, "handle" + i, "Layer" + i + ".java", 40 + i);
    }
    cause = new ArithmeticException("/ by zero");
    cause.setStackTrace(java.util.Arrays.copyOf(frames, 5));
  }

  @TearDown(Level.Trial)
  @Override
  public void stop() throws IOException {
    context.stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @Override
  public void logError() {
    IllegalStateException failure = new IllegalStateException("order 42 failed", cause);
    failure.setStackTrace(frames);
    logger.error("order {} failed", 42, failure);
  }

  /** Where this trial writes its log and its dumps; for {@link DedupStormBenchmark}. */
  Path directory() {
    return dir;
  }
}
