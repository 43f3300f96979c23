package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class DumpCaptureTest {
  private final DumpCapture capture = new DumpCapture(CaptureLimits.DEFAULTS, "shop");

  @Test
  void capture_eventAndProcessData() {
    ThreadInfo thread = new ThreadInfo("worker-1", 77, true, 3);
    Instant time = Instant.parse("2026-11-26T05:00:00.123456789Z");
    LoggedEvent event = new LoggedEvent(time, "com.acme.Orders", "ERROR", "order failed", thread,
        Map.of("requestId", "r-1"), List.of("AUDIT"), Map.of("test", "[engine:junit]"));

    Dump dump = capture.capture("od-abc", new IllegalStateException("boom"), event);

    assertEquals("od-abc", dump.id());
    assertEquals(time, dump.time());
    assertEquals(ProcessHandle.current().pid(), dump.pid());
    assertFalse(dump.host().isBlank());
    assertTrue(dump.jvm().contains(System.getProperty("java.runtime.version")), dump.jvm());
    assertEquals("shop", dump.application());
    assertEquals(thread, dump.thread());
    assertEquals("com.acme.Orders", dump.logger());
    assertEquals("ERROR", dump.level());
    assertEquals("order failed", dump.message());
    assertEquals(Map.of("requestId", "r-1"), dump.mdc());
    assertEquals(List.of("AUDIT"), dump.markers());
    assertEquals(Map.of("test", "[engine:junit]"), dump.attributes());
    assertFalse(dump.localsCaptured(), "no agent in this JVM");
  }

  /** The kernel's name, as {@code hostname} prints it, read without asking the name service. */
  @Test
  @EnabledOnOs(OS.LINUX)
  void capture_hostIsTheKernelHostName() throws Exception {
    String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();

    Dump dump = capture.capture("od-abc", new IllegalStateException("boom"), LoggedEvent.standalone());

    assertEquals(kernel, dump.host());
  }

  @Test
  void capture_graph_typesMessagesDescriptionsAndFrames() {
    IllegalStateException cause = new IllegalStateException("inner");
    RuntimeException root = new RuntimeException("outer", cause);
    root.addSuppressed(new UnsupportedOperationException());

    ThrowableGraph graph = capture.capture("od-1", root, null).exception();

    assertEquals(3, graph.throwables().size());
    ThrowableInfo info = graph.root();
    assertEquals("java.lang.RuntimeException", info.type());
    assertEquals("outer", info.message());
    assertEquals("java.lang.RuntimeException: outer", info.description());
    assertEquals(root.getStackTrace().length, info.frames().size());
    assertEquals(getClass().getName(), info.frames().get(0).className());
    assertEquals("capture_graph_typesMessagesDescriptionsAndFrames", info.frames().get(0).methodName());
    assertEquals("DumpCaptureTest.java", info.frames().get(0).fileName());
    assertEquals(root.getStackTrace()[0].getLineNumber(), info.frames().get(0).line());
    assertEquals("inner", graph.cause(info).orElseThrow().message());
    assertEquals("java.lang.UnsupportedOperationException", graph.get(info.suppressed().get(0)).description());
  }

  @Test
  void capture_framesPrintExactlyAsOriginal() {
    Throwable thrown = new IllegalStateException("frames");
    StackTraceElement[] original = thrown.getStackTrace();

    List<FrameInfo> frames = capture.capture("od-1", thrown, null).exception().root().frames();

    boolean sawJdkModule = false;
    for (int i = 0; i < original.length; i++) {
      assertEquals(original[i].toString(), frames.get(i).toStackTraceElement().toString());
      sawJdkModule |= "java.base".equals(frames.get(i).moduleName());
    }
    assertTrue(sawJdkModule, "the trace passes through reflection in java.base");
  }

  @Test
  void capture_cycleAndSharedThrowable_indexedOnce() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalArgumentException b = new IllegalArgumentException("b");
    a.initCause(b);
    b.initCause(a);
    a.addSuppressed(b);

    ThrowableGraph graph = capture.capture("od-1", a, null).exception();

    assertEquals(2, graph.throwables().size());
    assertEquals(1, graph.get(0).cause());
    assertEquals(0, graph.get(1).cause());
    assertEquals(List.of(1), graph.get(0).suppressed());
  }

  @Test
  void capture_causeChain10000Deep_noStackOverflow() throws InterruptedException {
    AtomicReference<Throwable> chain = new AtomicReference<>(new IllegalStateException("0"));
    // Built on a fresh thread, so each of the 10,000 traces is a few frames, not JUnit's seventy.
    Thread builder = new Thread(() -> {
      for (int i = 1; i < 10_000; i++) {
        chain.set(new RuntimeException(String.valueOf(i), chain.get()));
      }
    });
    builder.start();
    builder.join();

    // About 430 KB encoded: more than the default maxDumpBytes would keep.
    DumpCapture roomy = new DumpCapture(new CaptureLimits(4, 1024, 64, 1 << 20, List.of()), "shop");
    ThrowableGraph graph = roomy.capture("od-1", chain.get(), null).exception();

    assertEquals(10_000, graph.throwables().size());
    assertEquals("0", graph.nthCause(9_999).orElseThrow().message());
  }

  @Test
  void capture_throwableMethodsThatThrow_fallBackToThrowableFormat() {
    RuntimeException hostile = new RuntimeException("hostile") {
      @Override
      public String toString() {
        throw new IllegalStateException("no toString");
      }

      @Override
      public synchronized Throwable getCause() {
        throw new IllegalStateException("no cause");
      }
    };

    ThrowableInfo info = capture.capture("od-1", hostile, null).exception().root();

    assertEquals(hostile.getClass().getName() + ": hostile", info.description());
    assertEquals(ThrowableInfo.NO_CAUSE, info.cause());
  }

  @Test
  void capture_jdkExceptionState_throughPublicApi() {
    SQLException sql = new SQLException("deadlock", "40001", 1213);
    InterruptedIOException io = new InterruptedIOException("timed out");
    io.bytesTransferred = 512;

    ThrowableInfo sqlInfo = capture.capture("od-1", sql, null).exception().root();
    ThrowableInfo ioInfo = capture.capture("od-2", io, null).exception().root();

    assertEquals(StringValue.of("40001"), sqlInfo.fields().get("SQLState"));
    assertEquals(new PrimitiveValue("int", 1213), sqlInfo.fields().get("errorCode"));
    assertEquals(new PrimitiveValue("int", 512), ioInfo.fields().get("bytesTransferred"));
    ThrowableInfo fsInfo = capture.capture("od-3", new java.nio.file.FileSystemException("/a", "/b", "busy"), null)
        .exception().root();
    assertEquals(Map.of("file", StringValue.of("/a"), "otherFile", StringValue.of("/b"), "reason", StringValue.of("busy")),
        fsInfo.fields());
  }

  @Test
  void capture_recordedFrames_attachedToTheirThrowablesFrames() {
    IllegalStateException cause = new IllegalStateException("inner");
    RuntimeException root = new RuntimeException("outer", cause);
    StackTraceElement top = cause.getStackTrace()[0];
    StackTraceElement caller = cause.getStackTrace()[1];
    LocalsFixture fixture = new LocalsFixture()
        .record(cause,
            new RecordedFrame(top.getClassName(), top.getMethodName(), top.getLineNumber(),
                new String[] {"this", "count"}, new String[] {getClass().getName(), "int"},
                new Object[] {this, 3}),
            new RecordedFrame(caller.getClassName(), caller.getMethodName(), -1,
                new String[] {"label"}, new String[] {"java.lang.String"}, new Object[] {"x"}),
            new RecordedFrame("com.acme.NotOnTheStack", "run", 1, new String[0], new String[0], new Object[0]));

    Dump dump = fixture.capture(CaptureLimits.DEFAULTS).capture("od-1", root, null);

    ThrowableInfo causeInfo = dump.exception().get(1);
    FrameInfo first = causeInfo.frames().get(0);
    assertTrue(first.localsCaptured());
    assertEquals(List.of("this", "count"), first.locals().stream().map(LocalVariable::name).toList());
    assertEquals(new PrimitiveValue("int", 3), first.locals().get(1).value());
    assertEquals("int", first.locals().get(1).type());
    assertEquals(StringValue.of("x"), causeInfo.frames().get(1).locals().get(0).value());
    assertFalse(causeInfo.frames().get(2).localsCaptured());
    assertFalse(dump.exception().root().hasLocals(), "nothing was recorded for the outer throwable");
    assertTrue(dump.localsCaptured(), "the fixture reports an active agent");
  }

  @Test
  void capture_nullThrowableOrEvent_neverThrows() {
    Dump dump = capture.capture(null, null, null);

    assertEquals("null", dump.exception().root().type());
    assertNull(dump.logger());
  }
}
