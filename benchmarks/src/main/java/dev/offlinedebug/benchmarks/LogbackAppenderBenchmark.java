package dev.offlinedebug.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.file.Path;
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
import org.slf4j.Logger;

/**
 * {@code logger.error(msg, ex)} through Logback (SLF4J API) of a new {@link ReferenceFailure} per
 * call to a {@code FileAppender}, in three setups, each with the file appender as the README
 * configures it ({@code readme}: default {@code immediateFlush}, a flush per event) and buffered
 * ({@code buffered}: {@code immediateFlush} false, 64 KiB buffer):
 *
 * <ul>
 *   <li>{@code plain}: the file appender only, the baseline;
 *   <li>{@code dedupHit}: plus {@code OfflineDebugAppender}, with the file appender's pattern
 *       rendering {@code %dumpId}; default dedup window, so after the first dump every call is
 *       a dedup hit (same fingerprint);
 *   <li>{@code dedupOff}: {@code dedupWindow} {@code 0}: every call captures and writes a full dump.
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
public class LogbackAppenderBenchmark implements AppenderBenchmark {

  @Param({"plain", "dedupHit", "dedupOff"})
  public String setup;

  @Param({"readme", "buffered"})
  public String fileAppender;

  private ScratchDirectory dir;
  private LoggerContext context;
  private Logger logger;
  private ReferenceFailure failure;

  @Override
  public void configure(String setup, String fileAppender) {
    this.setup = setup;
    this.fileAppender = fileAppender;
  }

  @Setup(Level.Trial)
  @Override
  public void start() throws IOException, JoranException {
    dir = new ScratchDirectory("od-logback-bench");
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as the SLF4J provider does for its context
    context.putProperty("od.bench.dir", dir.path().toString());
    context.putProperty("od.bench.dedupWindow", setup.equals("dedupOff") ? "0" : "60s");
    boolean buffered = fileAppender.equals("buffered");
    context.putProperty("od.bench.immediateFlush", String.valueOf(!buffered));
    context.putProperty("od.bench.bufferSize", buffered ? "64KB" : "8KB");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    String config = setup.equals("plain") ? "logback-bench-plain.xml" : "logback-bench-dumps.xml";
    configurator.doConfigure(getClass().getClassLoader().getResource(config));
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      if (status.getLevel() == Status.ERROR) {
        throw new IllegalStateException(config + ": " + status.getMessage(), status.getThrowable());
      }
    }
    logger = context.getLogger("bench.Orders");
    failure = new ReferenceFailure();
  }

  @TearDown(Level.Trial)
  @Override
  public void stop() throws IOException {
    context.stop();
    dir.close();
  }

  @Benchmark
  @Override
  public void logError() {
    logger.error("order {} failed", 42, failure.next());
  }

  /** Where this trial writes its log and its dumps; for {@link DedupStormBenchmark}. */
  Path directory() {
    return dir.path();
  }
}
