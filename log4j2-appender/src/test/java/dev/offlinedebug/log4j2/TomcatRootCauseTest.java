package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A web application under the agent whose container logs only the root cause, as Spring Boot's
 * embedded Tomcat does on its {@code [dispatcherServlet]} logger: a real embedded Tomcat on
 * 127.0.0.1 in a child JVM with {@code -javaagent}, JUL routed to Log4j2. The service wraps its
 * failure and the servlet wraps that again, so the logged root cause left only the service's
 * {@code charge} before it was wrapped; its dump still has the locals of every application frame it
 * came through, the controller's included, taken from the wrappers' records.
 */
class TomcatRootCauseTest {
  private static final String AGENT_JAR = "offlinedebug.it.agentJar";
  private static final String DISPATCHER_LOGGER =
      "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]";

  @Test
  void loggedRootCause_hasControllerAndServiceLocals() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "tomcat-").toAbsolutePath();
    Path config = Path.of(TomcatRootCauseTest.class.getClassLoader().getResource("log4j2-sync.xml")
        .toURI());
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agentJar() + "=include=com.acme.*",
        "-cp", System.getProperty("java.class.path"),
        "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager",
        "-Dlog4j2.configurationFile=" + config,
        "-D" + TestLogging.DIR_PROPERTY + "=" + dir,
        "-Dchronicle.analytics.disable=true",
        TomcatMain.class.getName());
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile())
        .start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "child JVM did not exit");
    String output = Files.readString(dir.resolve("child.out"));
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("status 500"), output);

    Dump dump = OfflineDebug.open(dir.resolve("dumps"))
        .load(LogLines.idLoggedBy(dir.resolve("app.log"), DISPATCHER_LOGGER));
    ThrowableInfo logged = dump.exception().root();
    assertEquals("card of ada declined", logged.message());
    assertTrue(dump.exception().cause(logged).isEmpty(), "Tomcat logs the root cause alone");
    List<FrameInfo> frames = logged.frames();
    assertEquals(List.of("charge", "placeOrder", "order", "doPost"),
        frames.subList(0, 4).stream().map(FrameInfo::methodName).toList());

    assertLocals(frames.get(0), Map.of("customer", StringValue.of("ada"),
        "amountCents", new PrimitiveValue("int", 11_250),
        "remaining", new PrimitiveValue("int", -1_250)));
    assertLocals(frames.get(1), Map.of("customer", StringValue.of("ada"),
        "quantity", new PrimitiveValue("int", 9), "unitCents", new PrimitiveValue("int", 1_250)));
    assertLocals(frames.get(2), Map.of("customer", StringValue.of("ada"),
        "quantityParameter", StringValue.of("9"), "quantity", new PrimitiveValue("int", 9)));
    assertTrue(!frames.get(3).localsCaptured() && frames.get(3).locals().isEmpty(),
        "the servlet is not included: " + frames.get(3));
  }

  private static void assertLocals(FrameInfo frame, Map<String, Value> expected) {
    assertTrue(frame.localsCaptured(), frame::toString);
    Map<String, Value> byName = new LinkedHashMap<>();
    for (LocalVariable local : frame.locals()) {
      byName.put(local.name(), local.value());
    }
    expected.forEach((name, value) -> assertEquals(value, byName.get(name),
        () -> name + " in " + frame));
  }

  private static String agentJar() {
    String jar = System.getProperty(AGENT_JAR, "");
    assumeTrue(jar.endsWith(".jar"),
        "the agent jar is built by the package phase (mvn verify); " + AGENT_JAR + "=" + jar);
    return jar;
  }
}
