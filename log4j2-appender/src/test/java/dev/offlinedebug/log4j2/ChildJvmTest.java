package dev.offlinedebug.log4j2;

import static dev.offlinedebug.log4j2.DumpAssertions.assertEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default logger context configured as in production, through system properties read once per
 * JVM, hence a child JVM: synchronous, and all loggers asynchronous through {@code
 * AsyncLoggerContextSelector}. Chronicle initialises inside the appender's start there, and its own
 * SLF4J logging goes through this same configuration ({@code log4j-slf4j2-impl} is on the class path).
 */
class ChildJvmTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "org.apache.logging.log4j.core.selector.ClassLoaderContextSelector",
    "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"})
  void append_defaultContextOfChildJvm_dumpKeepsLoggingThread(String selector) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "childJvm-").toAbsolutePath();
    Path config = Path.of(ChildJvmTest.class.getClassLoader().getResource("log4j2-sync.xml").toURI());
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-Dlog4j2.contextSelector=" + selector,
            "-Dlog4j2.configurationFile=" + config,
            "-D" + LoggerContextExtension.DIR_PROPERTY + "=" + dir,
            "-Dchronicle.analytics.disable=true",
            ChildJvmMain.class.getName(), "checkout-async")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile())
        .start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "child JVM did not exit");
    assertEquals(0, child.exitValue(), () -> read(dir.resolve("child.out")));

    // Chronicle's own log lines (logged while it initialised) went through the same configuration.
    String id = LogLines.idLoggedBy(dir.resolve("app.log"), "shop.Orders");
    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(id);
    IllegalStateException expected = Failures.orderFailure();
    ThrowableInfo root = dump.exception().root();
    assertEquals(expected.getClass().getName(), root.type());
    assertEquals(expected.getMessage(), root.message());
    assertEquals(List.of("placeOrder", "orderFailure", "main"),
        root.frames().stream().map(f -> f.methodName()).toList());
    assertEquals(ArithmeticException.class.getName(), dump.exception().cause(root).orElseThrow().type());
    assertEvent(dump, "shop.Orders", "ERROR", "checkout-async", "order 42 failed", Map.of("orderId", "42"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
