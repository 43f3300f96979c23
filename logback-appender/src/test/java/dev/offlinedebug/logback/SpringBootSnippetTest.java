package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.testing.ReadmeSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The README's {@code logback-spring.xml}, copied verbatim (only its {@code logs/app.log} moved into
 * a temporary directory), under Spring Boot's own Logback logging system, as an application starts
 * it: {@code <springProperty>} feeds the dump directory from the environment, and a logged
 * throwable's line carries the ID of a dump that loads.
 */
class SpringBootSnippetTest {
  /** Restores the SLF4J default context, the one Spring Boot configures, after the test. */
  @RegisterExtension final LogbackContext logback = new LogbackContext();
  @TempDir Path work;

  @Test
  void readmeLogbackSpringConfiguration_underSpringBoot_dumpIdOnlyOnLinesWithThrowable() throws Exception {
    String xml = ReadmeSnippets.xml("<springProperty").replace(">logs/", ">" + work.resolve("logs") + "/");
    Path config = Files.writeString(work.resolve("logback-spring.xml"), xml, StandardCharsets.UTF_8);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource(
        "application.properties", Map.of("offline-debug.directory", work.resolve("logs/dumps").toString())));
    LoggerContext shared = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogbackLoggingSystem system = new LogbackLoggingSystem(getClass().getClassLoader());
    try {
      // Spring Boot fails on any ERROR status in the context: only this configuration's count.
      shared.getStatusManager().clear();
      system.beforeInitialize();
      system.initialize(new LoggingInitializationContext(environment), config.toUri().toString(), null);
      Logger logger = shared.getLogger("com.acme.Readme");
      logger.info("plain line");
      logger.error("failed line", new IllegalStateException("boom"));
      shared.stop();
    } finally {
      system.cleanUp();
      logback.configure(shared, "logback-test.xml");
    }

    String id = ReadmeSnippets.assertDumpIdOnlyOnFailedLine(work.resolve("logs"));
    Dump dump = OfflineDebug.open(work.resolve("logs/dumps")).load(id);
    assertEquals(IllegalStateException.class.getName(), dump.exception().root().type());
    assertEquals("boom", dump.exception().root().message());
  }
}
