package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maxDumpBytes} bounds the whole record, and the writer writes nothing readers refuse. */
class RecordBoundTest {
  private static final int MAX_DUMP_BYTES = CaptureLimits.DEFAULTS.maxDumpBytes();
  /** Record header, checksum, ID, host, JVM: what capture does not shrink. */
  private static final int OVERHEAD = 4096;

  @TempDir Path dir;

  @Test
  void write_seventyMegabyteMessage_recordWithinMaxDumpBytesAndLoads() throws IOException {
    String huge = "x".repeat(70 << 20);

    Dump dump = writeOne(new IllegalStateException(huge), LoggedEvent.standalone());

    String message = dump.exception().root().message();
    assertTrue(message.startsWith("xxxx") && message.endsWith(" more characters"), message.substring(message.length() - 60));
    assertTrue(message.contains(" <truncated> "));
    int kept = message.indexOf(" <truncated> ");
    assertEquals(huge.length() - kept + " more characters", message.substring(kept + " <truncated> ".length()));
    assertEquals(IllegalStateException.class.getName() + ": " + message, dump.exception().root().description());
    assertTrue(dump.exception().root().frames().size() > 10, "the trace is kept");
  }

  @Test
  void write_seventyMegabyteLogMessageAndMdc_recordWithinMaxDumpBytesAndLoads() throws IOException {
    String huge = "é".repeat(35 << 20);
    LoggedEvent event = new LoggedEvent(Instant.now(), "shop", "ERROR", huge, ThreadInfo.current(),
        Map.of("request", huge), List.of(huge), Map.of());

    Dump dump = writeOne(new IllegalStateException("boom"), event);

    assertTrue(dump.message().contains(" <truncated> "), "log message cut");
    assertEquals("boom", dump.exception().root().message());
  }

  @Test
  void write_millionFrameTrace_recordWithinMaxDumpBytesAndLoads() throws IOException {
    IllegalStateException thrown = new IllegalStateException("deep");
    StackTraceElement[] trace = new StackTraceElement[1_000_000];
    for (int i = 0; i < trace.length; i++) {
      trace[i] = new StackTraceElement("com.acme.Deep", "recurse", "Deep.java", i);
    }
    thrown.setStackTrace(trace);

    Dump dump = writeOne(thrown, LoggedEvent.standalone());

    List<FrameInfo> frames = dump.exception().root().frames();
    FrameInfo last = frames.get(frames.size() - 1);
    assertEquals("<truncated>", last.className());
    assertEquals(trace.length - (frames.size() - 1) + " more frames", last.methodName());
    assertEquals(trace[frames.size() - 2].getLineNumber(), frames.get(frames.size() - 2).line());
  }

  @Test
  void write_tenThousandSuppressed_recordWithinMaxDumpBytesAndLoads() throws IOException {
    IllegalStateException thrown = new IllegalStateException("many");
    for (int i = 0; i < 10_000; i++) {
      thrown.addSuppressed(new IllegalArgumentException("suppressed " + i));
    }

    Dump dump = writeOne(thrown, LoggedEvent.standalone());

    List<Integer> suppressed = dump.exception().root().suppressed();
    ThrowableInfo cut = dump.exception().get(suppressed.get(suppressed.size() - 1));
    assertEquals("<truncated>", cut.type());
    assertEquals(10_000 - (suppressed.size() - 1) + " more suppressed", cut.message());
    assertEquals("suppressed 0", dump.exception().get(suppressed.get(0)).message());
    assertTrue(suppressed.size() > 50, suppressed.size() + " suppressed kept");
  }

  @Test
  void write_causeChainTwentyThousandDeep_recordWithinMaxDumpBytesAndLoads() throws IOException {
    Throwable thrown = new IllegalStateException("bottom");
    for (int i = 0; i < 20_000; i++) {
      thrown = new IllegalStateException("level " + i, thrown);
    }

    Dump dump = writeOne(thrown, LoggedEvent.standalone());

    ThrowableInfo t = dump.exception().root();
    int kept = 0;
    while (dump.exception().cause(t).isPresent()) {
      t = dump.exception().cause(t).orElseThrow();
      kept++;
    }
    assertEquals("<truncated>", t.type());
    assertEquals(20_000 - (kept - 1) + " more causes", t.message());
  }

  @Test
  void write_maxDumpBytesAboveReaderLimit_recordStillLoads() throws IOException {
    String huge = "y".repeat(70 << 20);
    try (DumpWriter writer = DumpWriter.open(settings(dir, limits(Integer.MAX_VALUE, 1024)), StatusListener.IGNORE)) {
      String id = writer.write(new IllegalStateException(huge), LoggedEvent.standalone());
      assertTrue(OfflineDebug.open(dir).load(id).exception().root().message().contains(" <truncated> "));
    }
  }

  @Test
  void write_recordLargerThanReadersAccept_droppedWithOneStatusLine() throws IOException {
    StoreTests.Reports reports = new StoreTests.Reports();
    try (DumpWriter writer = DumpWriter.open(settings(dir, limits(Integer.MAX_VALUE, Integer.MAX_VALUE)), reports)) {
      // A field value is bounded by maxStringLength, here unbounded: the record would be 70 MB.
      assertNull(writer.write(new Carrying("z".repeat(70 << 20)), LoggedEvent.standalone()));
      assertNotNull(writer.write(new IllegalStateException("small"), LoggedEvent.standalone()));
    }
    assertEquals(1, reports.count("larger than readers accept"), reports.messages.toString());
    assertEquals(1, OfflineDebug.open(dir).list().size());
    for (Path file : StoreLayout.storeFiles(dir)) {
      assertTrue(Files.size(file) < RecordFrame.MAX_PAYLOAD, file + " holds " + Files.size(file) + " bytes");
    }
  }

  /** Writes {@code thrown} with default limits; checks the record's size and loads it. */
  private Dump writeOne(Throwable thrown, LoggedEvent event) throws IOException {
    String id;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      id = writer.write(thrown, event);
    }
    assertNotNull(id);
    List<Path> files = StoreLayout.storeFiles(dir);
    assertEquals(1, files.size());
    long size = Files.size(files.get(0));
    assertTrue(size <= MAX_DUMP_BYTES + OVERHEAD, "record of " + size + " bytes");
    return OfflineDebug.open(dir).load(id);
  }

  private static CaptureLimits limits(int maxDumpBytes, int maxStringLength) {
    CaptureLimits d = CaptureLimits.DEFAULTS;
    return new CaptureLimits(d.maxDepth(), maxStringLength, d.maxCollectionElements(), maxDumpBytes, d.redact());
  }

  private static WriterSettings settings(Path dir, CaptureLimits limits) {
    return new WriterSettings(dir, WriterSettings.DEFAULT_MAX_FILE_SIZE, WriterSettings.DEFAULT_MAX_TOTAL_SIZE,
        Duration.ofDays(7), Duration.ZERO, 1000, "test", limits);
  }

  /** An exception with a field the capture reads: its value is bounded by maxStringLength only. */
  private static final class Carrying extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String payload;

    Carrying(String payload) {
      super("carrying");
      this.payload = payload;
    }
  }
}
