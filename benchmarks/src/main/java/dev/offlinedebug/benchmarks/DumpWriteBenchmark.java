package dev.offlinedebug.benchmarks;

import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing the {@linkplain ReferenceDump reference exception} as a dump, against printing its
 * stack trace into a {@code StringWriter} (goal: {@code writeDump / printStackTrace <= 1.0}). Every
 * benchmark makes a new throwable, as production does, so the baseline pays for that too.
 *
 * <ul>
 *   <li>{@code printStackTrace}: the baseline;
 *   <li>{@code writeDump}: {@code DumpWriter.write} with dedup off: capture (without locals, as
 *       nothing recorded any), encode, append to the store file;
 *   <li>{@code writeDumpWithLocals}: the same for a throwable whose 50 locals were recorded as the
 *       agent's handlers record them while it unwinds; making the throwable and recording (the
 *       agent's cost, measured by {@code AgentUnwindBenchmark}) happen before each call, untimed;
 *   <li>{@code writeDumpRealFrames} against {@code printStackTraceRealFrames}: the same messages
 *       and cause thrown for real ({@link ReferenceDump#thrownThroughFrames()}), so that both pay
 *       for the JVM's frames as an application's failure does;
 *   <li>{@code positionedWrite}: the floor of any store that makes each dump survive the process
 *       (a kill right after the log line) with one system call: a new throwable, then as many bytes
 *       as the reference dump's record written from a direct buffer with one positioned write to the
 *       end of a file, with no capture or encoding at all.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DumpWriteBenchmark {
  private ScratchDirectory dir;
  private DumpWriter writer;
  private FileChannel floorFile;
  private ByteBuffer record;
  private long floorPosition;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = new ScratchDirectory("od-write-bench");
    writer = DumpWriter.open(settings(dir.path()), StatusListener.IGNORE);
    record = ByteBuffer.allocateDirect(referenceRecordBytes());
    floorFile = FileChannel.open(dir.path().resolve("floor"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Dedup off; a rate limit never reached; retention keeps the disk use bounded. */
  private static WriterSettings settings(Path dir) {
    return new WriterSettings(dir, 16L << 20, 64L << 20, Duration.ofDays(1), Duration.ZERO, Integer.MAX_VALUE, "bench",
        CaptureLimits.DEFAULTS);
  }

  /** The bytes a second reference dump adds to a store file (the first also pays the file's header). */
  private static int referenceRecordBytes() throws IOException {
    try (ScratchDirectory store = new ScratchDirectory("od-write-bench-size");
        DumpWriter once = DumpWriter.open(settings(store.path()), StatusListener.IGNORE)) {
      once.write(ReferenceDump.newThrowable(), LoggedEvent.standalone());
      long before = storeBytes(store.path());
      once.write(ReferenceDump.newThrowable(), LoggedEvent.standalone());
      return (int) (storeBytes(store.path()) - before);
    }
  }

  /** The store files' bytes, without their summaries (kept in memory until the writer closes). */
  private static long storeBytes(Path store) throws IOException {
    try (Stream<Path> files = Files.walk(store)) {
      long bytes = 0;
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(p);
      }
      return bytes;
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    writer.close();
    floorFile.close();
    dir.close();
  }

  @Benchmark
  public String printStackTrace() {
    return printed(ReferenceDump.newThrowable());
  }

  @Benchmark
  public String printStackTraceRealFrames() {
    return printed(ReferenceDump.thrownThroughFrames());
  }

  private static String printed(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  @Benchmark
  public String writeDump() {
    return writer.write(ReferenceDump.newThrowable(), LoggedEvent.standalone());
  }

  @Benchmark
  public String writeDumpRealFrames() {
    return writer.write(ReferenceDump.thrownThroughFrames(), LoggedEvent.standalone());
  }

  /** Rewinds to the start every 64 MB, as retention bounds the store. */
  @Benchmark
  public Throwable positionedWrite() throws IOException {
    Throwable thrown = ReferenceDump.newThrowable();
    if (floorPosition > 64L << 20) {
      floorPosition = 0;
    }
    floorPosition += floorFile.write(record.clear(), floorPosition);
    return thrown;
  }

  @Benchmark
  public String writeDumpWithLocals(Recorded recorded) {
    return writer.write(recorded.thrown, LoggedEvent.standalone());
  }

  /** A new reference throwable with its locals recorded, before each call. */
  @State(Scope.Thread)
  public static class Recorded {
    Throwable thrown;

    @Setup(Level.Invocation)
    public void record() {
      thrown = ReferenceDump.newThrowable();
      ReferenceDump.recordLocals(thrown);
    }
  }
}
