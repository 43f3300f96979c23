package dev.offlinedebug.log4j2;

import dev.offlinedebug.spi.WireRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;

/**
 * One test's own {@link LoggerContext}, configured from a test resource that reads its directory as
 * {@code ${sys:od.dir}}, and that directory. Closing stops the context.
 */
record TestLogging(LoggerContext context, Path dir) implements AutoCloseable {
  static final String DIR_PROPERTY = "od.dir";

  /** Starts {@code config} in a new directory under {@code target}. */
  static TestLogging start(String config, boolean allAsync) throws IOException, URISyntaxException {
    return startIn(Files.createTempDirectory(Path.of("target"), config.replace(".xml", "-")).toAbsolutePath(), config, allAsync);
  }

  /** Starts {@code config} in {@code dir}. */
  static TestLogging startIn(Path dir, String config, boolean allAsync) throws URISyntaxException {
    System.setProperty(DIR_PROPERTY, dir.toString());
    var uri = TestLogging.class.getClassLoader().getResource(config).toURI();
    String name = dir.getFileName().toString();
    LoggerContext context = allAsync ? new AsyncLoggerContext(name, null, uri) : new LoggerContext(name, null, uri);
    context.start();
    // The writer drops dumps while Chronicle is still loading (a few seconds at most, unless the
    // machine is overloaded); tests check dumps, not that start-up race.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    return new TestLogging(context, dir);
  }

  @Override
  public void close() {
    context.stop();
    System.clearProperty(DIR_PROPERTY);
  }
}
