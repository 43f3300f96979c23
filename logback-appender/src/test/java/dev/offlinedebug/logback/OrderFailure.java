package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThrowableInfo;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The reference failure the tests log: an {@link IllegalStateException} caused by a {@link
 * NumberFormatException}, logged at ERROR on thread {@value #THREAD} through the SLF4J 2 fluent API
 * with a marker (referencing a second one), a key-value pair, message arguments and an MDC entry;
 * and the checks that a dump holds exactly that.
 */
final class OrderFailure {

  static final String LOGGER = "com.acme.Orders";
  static final String THREAD = "order-worker-7";
  /** A marker that references another one: the dump records both. */
  static final Marker AUDIT = MarkerFactory.getDetachedMarker("AUDIT");

  static {
    AUDIT.add(MarkerFactory.getDetachedMarker("SECURITY"));
  }

  static final String FORMATTED_MESSAGE = "order 17 rejected for alice";

  final IllegalStateException thrown = reject("A-17");

  static IllegalStateException reject(String orderId) {
    try {
      Integer.parseInt(orderId);
      return new IllegalStateException("order " + orderId + " accepted unexpectedly");
    } catch (NumberFormatException e) {
      return new IllegalStateException("order " + orderId + " rejected", e);
    }
  }

  /** Logs {@link #thrown} with {@code logger} on thread {@value #THREAD} and waits for it. */
  void logOn(Logger logger) throws InterruptedException {
    Thread worker = new Thread(() -> log(logger), THREAD);
    worker.start();
    worker.join();
  }

  private void log(Logger logger) {
    MDC.put("user", "alice");
    try {
      logger
          .atError()
          .addMarker(AUDIT)
          .setMessage("order {} rejected for {}")
          .addArgument(17)
          .addArgument("alice")
          .addKeyValue("orderId", "A-17")
          .setCause(thrown)
          .log();
    } finally {
      MDC.remove("user");
    }
  }

  /**
   * Logs this failure through {@code logback}'s context, stops the context once the line is written,
   * and checks the dump named by the one ID that {@code idsInLog} reads from the log.
   *
   * @return that ID
   */
  String logAndAssertDump(LogbackContext logback, Function<LogbackContext, List<String>> idsInLog)
      throws Exception {
    logOn(logback.logger(LOGGER));
    logback.awaitLogLine(FORMATTED_MESSAGE);
    logback.stop();
    String id = OfflineDebugAppenderTest.single(idsInLog.apply(logback));
    assertDump(OfflineDebug.open(logback.dumpDir()).load(id), id);
    return id;
  }

  /** Asserts that {@code dump} is {@link #thrown} as logged by {@link #logOn}. */
  void assertDump(Dump dump, String id) {
    assertEquals(id, dump.id());
    assertEquals(LOGGER, dump.logger());
    assertEquals("ERROR", dump.level());
    assertEquals(THREAD, dump.thread().name());
    assertEquals(FORMATTED_MESSAGE, dump.message());
    assertEquals("alice", dump.mdc().get("user"));
    assertFalse(dump.mdc().containsKey("dumpId"), "the dump keeps the MDC as logged");
    assertEquals(List.of("AUDIT", "SECURITY"), dump.markers());
    assertEquals("A-17", dump.attributes().get("orderId"));

    ThrowableInfo root = dump.exception().root();
    assertEquals(IllegalStateException.class.getName(), root.type());
    assertEquals("order A-17 rejected", root.message());
    assertFrames(thrown.getStackTrace(), root.frames());

    ThrowableInfo cause = dump.exception().cause(root).orElseThrow();
    assertEquals(NumberFormatException.class.getName(), cause.type());
    assertEquals(thrown.getCause().getMessage(), cause.message());
    assertFrames(thrown.getCause().getStackTrace(), cause.frames());
    assertTrue(dump.exception().cause(cause).isEmpty());
  }

  private static void assertFrames(StackTraceElement[] expected, List<FrameInfo> actual) {
    assertEquals(expected.length, actual.size(), "frame count");
    for (int i = 0; i < expected.length; i++) {
      StackTraceElement e = expected[i];
      FrameInfo a = actual.get(i);
      String frame = "frame " + i + " " + e;
      assertEquals(e.getClassName(), a.className(), frame);
      assertEquals(e.getMethodName(), a.methodName(), frame);
      assertEquals(e.getFileName(), a.fileName(), frame);
      assertEquals(e.getLineNumber(), a.line(), frame);
    }
  }
}
