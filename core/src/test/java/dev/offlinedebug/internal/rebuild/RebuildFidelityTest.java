package dev.offlinedebug.internal.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.internal.rebuild.allowed.LabelledFailure;
import dev.offlinedebug.internal.rebuild.allowed.OrderFailure;
import dev.offlinedebug.internal.rebuild.allowed.WrappedFailure;
import dev.offlinedebug.internal.rebuild.denied.PaymentDeclined;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * printStackTrace of capture → rebuild equals the original's text exactly: with the original class
 * where it is allowed, with the stand-in otherwise.
 */
class RebuildFidelityTest {
  private static final String ALLOWED = "dev.offlinedebug.internal.rebuild.allowed";

  private final DumpCapture capture = new DumpCapture(CaptureLimits.DEFAULTS, "fidelity");

  @BeforeEach
  void allowTestPackage() {
    System.setProperty(RebuildAllowance.PROPERTY, ALLOWED);
  }

  @AfterEach
  void clearAllowance() {
    System.clearProperty(RebuildAllowance.PROPERTY);
  }

  static Stream<Arguments> representativeThrowables() {
    return Stream.of(
        Arguments.of("jdk type", thrownBy(() -> failDeep(3, new IllegalStateException("order 42 not found")))),
        Arguments.of("no message", new UnsupportedOperationException()),
        Arguments.of("helpful NPE", helpfulNullPointer()),
        Arguments.of("jdk cause chain", jdkCauseChain()),
        Arguments.of("suppressed", withSuppressed()),
        Arguments.of("sql state", new SQLException("deadlock", "40001", 1213)),
        Arguments.of("custom type", new OrderFailure("order rejected", 42)),
        Arguments.of("cause-only constructor", new WrappedFailure("wrapped", new OrderFailure("inner"))),
        Arguments.of("own toString", new LabelledFailure("state")),
        Arguments.of("execution", new ExecutionException("task failed", new OrderFailure("in task"))),
        Arguments.of("non-Latin-1", new IllegalArgumentException("Grüße, Ελληνικά, 日本語, עברית")),
        Arguments.of("emoji", new OrderFailure("payment 💳 failed 😱 at 𝄞")),
        Arguments.of("control characters", new IllegalStateException("tab\there\nnew line\u0000nul")),
        Arguments.of("target-first constructor",
            new java.lang.reflect.InvocationTargetException(new OrderFailure("in target"), "invoke failed")),
        Arguments.of("cause-typed constructor", new UncheckedIOException(new IOException("typed cause"))),
        Arguments.of("file system", new java.nio.file.FileSystemException("/a", "/b", "busy")),
        Arguments.of("multi-line message", new OrderFailure("line one\nline two\r\nline three")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representativeThrowables")
  void rebuild_loadableType_printsAsOriginal(String name, Throwable original) {
    Throwable rebuilt = capture.capture("od-test", original, LoggedEvent.standalone()).rebuild();

    assertSame(original.getClass(), rebuilt.getClass());
    assertEquals(printed(original), printed(rebuilt));
  }

  @Test
  void rebuild_notAllowedCustomType_standInPrintsAsOriginal() {
    Throwable original = new PaymentDeclined("card declined ✗", new OrderFailure("order 7"));
    System.clearProperty(RebuildAllowance.PROPERTY);

    Throwable rebuilt = capture.capture("od-test", original, LoggedEvent.standalone()).rebuild();

    RebuiltThrowable standIn = assertInstanceOf(RebuiltThrowable.class, rebuilt);
    assertEquals(PaymentDeclined.class.getName(), standIn.originalType());
    assertEquals("card declined ✗", standIn.getMessage());
    assertInstanceOf(RebuiltThrowable.class, standIn.getCause(), "the cause's package is not allowed either");
    assertEquals(printed(original), printed(rebuilt));
  }

  @Test
  void rebuild_causeCycle_printsCircularReference() {
    IllegalStateException first = new IllegalStateException("first");
    OrderFailure second = new OrderFailure("second");
    first.initCause(second);
    second.initCause(first);

    Throwable rebuilt = capture.capture("od-test", first, LoggedEvent.standalone()).rebuild();

    assertSame(rebuilt, rebuilt.getCause().getCause());
    assertEquals(printed(first), printed(rebuilt));
  }

  @Test
  void rebuild_sharedSuppressedThrowable_staysShared() {
    IOException shared = new IOException("disk");
    RuntimeException root = new RuntimeException("root", shared);
    root.addSuppressed(shared);

    Throwable rebuilt = capture.capture("od-test", root, LoggedEvent.standalone()).rebuild();

    assertSame(rebuilt.getCause(), rebuilt.getSuppressed()[0]);
    assertEquals(printed(root), printed(rebuilt));
  }

  @Test
  void rebuild_causeChain10000Deep_printsAsOriginal() throws Exception {
    // Built on a fresh thread, so each of the 10,000 traces is a few frames, not JUnit's seventy.
    Throwable chain = onLargeStack(() -> chain(10_000));

    // About 430 KB encoded: more than the default maxDumpBytes would keep.
    DumpCapture roomy = new DumpCapture(new CaptureLimits(4, 1024, 64, 1 << 20, List.of()), "fidelity");
    Dump dump = roomy.capture("od-test", chain, LoggedEvent.standalone());
    Throwable rebuilt = dump.rebuild();

    assertEquals(10_000, dump.exception().throwables().size());
    // printStackTrace itself recurses once per cause: only the comparison needs a deep stack.
    assertEquals(onLargeStack(() -> printed(chain)), onLargeStack(() -> printed(rebuilt)));
  }

  private static Throwable chain(int depth) {
    Throwable t = new IllegalStateException("level 0");
    for (int i = 1; i < depth; i++) {
      t = i % 2 == 0 ? new RuntimeException("level " + i, t) : new WrappedFailure("level " + i, t);
    }
    return t;
  }

  static String printed(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text, true));
    return text.toString();
  }

  static <T> T onLargeStack(Supplier<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> result.set(work.get()), "large-stack", 512L * 1024 * 1024);
    thread.start();
    thread.join();
    return result.get();
  }

  private static Throwable thrownBy(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("nothing thrown");
  }

  private static void failDeep(int depth, RuntimeException failure) {
    if (depth == 0) {
      throw failure;
    }
    failDeep(depth - 1, failure);
  }

  @SuppressWarnings("null")
  private static Throwable helpfulNullPointer() {
    try {
      String missing = null;
      return new IllegalStateException(String.valueOf(missing.length()));
    } catch (NullPointerException e) {
      return e;
    }
  }

  private static Throwable jdkCauseChain() {
    IOException io = new IOException("connection reset");
    UncheckedIOException unchecked = new UncheckedIOException("read failed", io);
    return new RuntimeException("request failed", unchecked);
  }

  private static Throwable withSuppressed() {
    IllegalStateException primary = new IllegalStateException("primary");
    primary.addSuppressed(new IOException("close failed", new OrderFailure("order 9")));
    primary.addSuppressed(new UnsupportedOperationException("second close"));
    return primary;
  }
}
