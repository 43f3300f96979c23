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
import org.junit.jupiter.api.Test;

/**
 * All loggers asynchronous through {@code AsyncLoggerContextSelector}, as production sets it: a
 * system property read once per JVM, hence a child JVM. Chronicle's own SLF4J logging goes through
 * the same configuration there ({@code log4j-slf4j2-impl} is on the class path).
 */
class AllAsyncSelectorTest {

  @Test
  void append_asyncLoggerContextSelector_dumpKeepsLoggingThread() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "allAsyncSelector-").toAbsolutePath();
    Path config = Path.of(AllAsyncSelectorTest.class.getClassLoader().getResource("log4j2-sync.xml").toURI());
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
            "-Dlog4j2.configurationFile=" + config,
            "-D" + LoggerContextExtension.DIR_PROPERTY + "=" + dir,
            "-Dchronicle.analytics.disable=true",
            AllAsyncMain.class.getName(), "checkout-async")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile())
        .start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "child JVM did not exit");
    assertEquals(0, child.exitValue(), () -> read(dir.resolve("child.out")));

    String id = LogLines.onlyId(dir.resolve("app.log"));
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
