package dev.offlinedebug.benchmarks;

import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A storm: the same failure logged a million times per iteration, through Log4j2 or Logback as the
 * README configures them ({@link Log4j2AppenderBenchmark}'s and {@link LogbackAppenderBenchmark}'s
 * setups, README file appender). {@code plain}, the file appender alone, is the baseline of {@code
 * dedupHit}, the same with dumps: one dump, then repeats stored as occurrences until their byte
 * budget ({@code maxDumpBytes}) is spent, then only counted (goal: at most 1.3x). After each
 * iteration it prints what the store holds: its bytes must stay bounded however many repeats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, batchSize = DedupStormBenchmark.STORM)
@Measurement(iterations = 3, batchSize = DedupStormBenchmark.STORM)
@Fork(1)
public class DedupStormBenchmark {
  static final int STORM = 1_000_000;

  @Param({"log4j2", "logback"})
  public String framework;

  @Param({"plain", "dedupHit"})
  public String setup;

  private Log4j2AppenderBenchmark log4j2;
  private LogbackAppenderBenchmark logback;
  private long logged;

  @Setup(Level.Trial)
  public void start() throws Exception {
    if (framework.equals("log4j2")) {
      log4j2 = new Log4j2AppenderBenchmark();
      log4j2.setup = setup;
      log4j2.fileAppender = "readme";
      log4j2.start();
    } else {
      logback = new LogbackAppenderBenchmark();
      logback.setup = setup;
      logback.fileAppender = "readme";
      logback.start();
    }
  }

  @Benchmark
  public void logError() {
    if (log4j2 != null) {
      log4j2.logError();
    } else {
      logback.logError();
    }
    logged++;
  }

  /** What a million more repeats left on disk. */
  @TearDown(Level.Iteration)
  public void report() throws IOException {
    Path dir = log4j2 != null ? log4j2.directory() : logback.directory();
    Path dumps = dir.resolve("dumps");
    long logBytes = Files.size(dir.resolve("app.log"));
    if (!Files.isDirectory(dumps)) {
      System.out.printf("%n[storm] %s %s: %,d failures logged, app.log %,d bytes%n", framework, setup, logged, logBytes);
      return;
    }
    long dumpBytes = bytes(dumps);
    DumpStore store = OfflineDebug.open(dumps);
    List<DumpSummary> list = store.list();
    long stored = 0;
    long counted = 0;
    for (DumpSummary dump : list) {
      DumpOccurrences occurrences = store.occurrences(dump.id());
      stored += occurrences.stored().size() + occurrences.unlisted();
      counted += occurrences.counted();
    }
    System.out.printf("%n[storm] %s %s: %,d failures logged; dumps %,d bytes (%d dumps, %,d occurrences stored with"
        + " their values, %,d counted so far); app.log %,d bytes; dumps/app.log %.6f%n", framework, setup, logged,
        dumpBytes, list.size(), stored, counted, logBytes, (double) dumpBytes / logBytes);
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (log4j2 != null) {
      log4j2.stop();
    } else {
      logback.stop();
    }
  }
}
