package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableInfo;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/**
 * Locals recorded for a throwable on the logging thread reach a dump written on the AsyncAppender's
 * thread. The frames are recorded by hand through the agent's own call site, exactly as an
 * instrumented handler would, so the test needs no {@code -javaagent}.
 */
class LocalsTest {

  @Test
  @Log4jConfig("log4j2-async-appender.xml")
  void append_localsRecordedOnLoggingThread_appearInDump(LoggerContext context, Path dir) throws Throwable {
    Class<?> site = recordingSite();
    IllegalStateException failure = Failures.orderFailure();
    Throwable cause = failure.getCause();
    MethodType type = MethodType.methodType(void.class, Throwable.class, int.class, int.class);
    CallSite handler = (CallSite) site.getMethod("bootstrap", MethodHandles.Lookup.class, String.class,
            MethodType.class, String.class, String.class, String[].class)
        .invoke(null, MethodHandles.lookup(), "record", type, Failures.class.getName(), "computeTotal",
            new String[] {"orderId", "I", "quantity", "I"});
    handler.dynamicInvoker().invoke(cause, 42, 0);

    context.getLogger("shop.Orders").error("order failed", failure);
    context.stop();

    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(LogLines.onlyId(dir.resolve("app.log")));
    ThrowableInfo dumpedCause = dump.exception().cause(dump.exception().root()).orElseThrow();
    FrameInfo computeTotal = dumpedCause.frames().get(0);
    assertEquals("computeTotal", computeTotal.methodName());
    assertTrue(computeTotal.localsCaptured());
    assertEquals(
        List.of(new LocalVariable("orderId", "int", new PrimitiveValue("int", 42)),
            new LocalVariable("quantity", "int", new PrimitiveValue("int", 0))),
        computeTotal.locals());
  }

  /** The agent's recording call site, activated; skips the test while the agent's branch is not merged. */
  private static Class<?> recordingSite() throws ReflectiveOperationException {
    Class<?> site;
    try {
      site = Class.forName("dev.offlinedebug.locals.RecordingSite");
    } catch (ClassNotFoundException e) {
      assumeTrue(false, "the agent's recorder (dev.offlinedebug.locals.RecordingSite) is not on main yet");
      throw e;
    }
    Class.forName("dev.offlinedebug.locals.UnwindRecorder").getMethod("activate", int.class, int.class).invoke(null, 64, 1000);
    return site;
  }
}
