package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.locals.RecordingSite;
import dev.offlinedebug.locals.UnwindRecorder;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Locals recorded on the logging thread reach a dump that an {@code AsyncAppender} in front of the
 * appender writes on its worker thread. {@link Checkout#computeTotal} records its locals through the
 * agent's own call site, exactly as the handler the agent appends would, so no {@code -javaagent} is
 * needed.
 */
class OfflineDebugAppenderLocalsTest {

  private static final String THREAD = "checkout-3";

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  @Test
  void append_asyncAppenderInFront_dumpHasLocalsRecordedOnLoggingThread() throws Exception {
    UnwindRecorder.activate(64, 1000);
    logback.configure("logback-async-front.xml");
    Logger logger = logback.logger("com.acme.Checkout");

    // A pool thread, alive while the AsyncAppender worker writes the dump, as in a server.
    ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, THREAD));
    try {
      pool.submit(() -> Checkout.checkout(logger)).get();
      logback.awaitLogLine("checkout of order 42 failed");
    } finally {
      pool.shutdown();
    }
    logback.stop();

    String id = OfflineDebugAppenderTest.single(logback.dumpIdsInLog());
    Dump dump = OfflineDebug.open(logback.dumpDir()).load(id);
    assertEquals(THREAD, dump.thread().name());
    assertTrue(dump.localsCaptured());
    ThrowableInfo cause = dump.exception().cause(dump.exception().root()).orElseThrow();
    assertEquals(ArithmeticException.class.getName(), cause.type());
    FrameInfo computeTotal = cause.frames().get(0);
    assertEquals("computeTotal", computeTotal.methodName());
    assertTrue(computeTotal.localsCaptured());
    assertEquals(
        List.of(
            new LocalVariable("orderId", "int", new PrimitiveValue("int", 42)),
            new LocalVariable("quantity", "int", new PrimitiveValue("int", 0))),
        computeTotal.locals());
  }

  /** Application code as the agent instruments it. */
  static final class Checkout {
    private static final MethodHandle RECORD_LOCALS =
        RecordingSite.bootstrap(
                MethodHandles.lookup(),
                "record",
                MethodType.methodType(void.class, Throwable.class, int.class, int.class),
                Checkout.class.getName(),
                "computeTotal",
                "orderId",
                "I",
                "quantity",
                "I")
            .dynamicInvoker();

    static void checkout(Logger logger) {
      try {
        computeTotal(42, 0);
      } catch (ArithmeticException e) {
        logger.error("checkout of order {} failed", 42, new IllegalStateException("order 42 failed", e));
      }
    }

    static int computeTotal(int orderId, int quantity) {
      try {
        return orderId * 100 / quantity;
      } catch (ArithmeticException e) {
        recordLocals(e, orderId, quantity);
        throw e;
      }
    }

    /** What the handler the agent appends to {@code computeTotal} does before rethrowing. */
    private static void recordLocals(Throwable thrown, int orderId, int quantity) {
      try {
        RECORD_LOCALS.invokeExact(thrown, orderId, quantity);
      } catch (Throwable impossible) {
        throw new AssertionError("the recording site never throws", impossible);
      }
    }
  }
}
