package dev.offlinedebug.log4j2;

import static dev.offlinedebug.log4j2.DumpAssertions.assertEvent;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default logger context configured as in production, through system properties read once per
 * JVM, hence a child JVM: synchronous, and all loggers asynchronous through {@code
 * AsyncLoggerContextSelector} with the agent, whose locals are recorded on the logging thread and
 * taken on the async logger's thread. Chronicle's own SLF4J logging goes through this same
 * configuration there ({@code log4j-slf4j2-impl} is on the class path).
 */
class ChildJvmTest {
  private static final String AGENT_JAR = "offlinedebug.it.agentJar";

  @ParameterizedTest(name = "{0}, agent {1}")
  @CsvSource({
    "org.apache.logging.log4j.core.selector.ClassLoaderContextSelector, false",
    "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector, true"})
  void append_defaultContextOfChildJvm_dumpKeepsLoggingThread(String selector, boolean agent) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "childJvm-").toAbsolutePath();
    Path config = Path.of(ChildJvmTest.class.getClassLoader().getResource("log4j2-sync.xml").toURI());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (agent) {
      command.add("-javaagent:" + agentJar() + "=include=com.acme.*");
    }
    command.addAll(List.of(
        "-cp", System.getProperty("java.class.path"),
        "-Dlog4j2.contextSelector=" + selector,
        "-Dlog4j2.configurationFile=" + config,
        "-D" + TestLogging.DIR_PROPERTY + "=" + dir,
        "-Dchronicle.analytics.disable=true",
        ChildJvmMain.class.getName(), "checkout-child"));
    Process child = new ProcessBuilder(command)
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
        root.frames().stream().map(FrameInfo::methodName).toList());
    ThrowableInfo cause = dump.exception().cause(root).orElseThrow();
    assertEquals(ArithmeticException.class.getName(), cause.type());
    assertEvent(dump, "shop.Orders", "ERROR", "checkout-child", "order 42 failed", Map.of("orderId", "42"));
    assertEquals(agent, dump.localsCaptured());
    if (agent) {
      assertEquals(
          List.of(new LocalVariable("orderId", "int", new PrimitiveValue("int", 42)),
              new LocalVariable("quantity", "int", new PrimitiveValue("int", 0))),
          cause.frames().get(0).locals(), cause.frames().get(0)::toString);
    }
  }

  private static String agentJar() {
    String jar = System.getProperty(AGENT_JAR, "");
    assumeTrue(jar.endsWith(".jar"), "the agent jar is built by the package phase (mvn verify); " + AGENT_JAR + "=" + jar);
    return jar;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
