package dev.offlinedebug.log4j2;

import dev.offlinedebug.codec.WireRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one {@link LoggerContext} per test from the resource named by {@link Log4jConfig}. */
final class LoggerContextExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  static final String DIR_PROPERTY = "od.dir";
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LoggerContextExtension.class);

  @Override
  public void beforeEach(ExtensionContext test) throws IOException, URISyntaxException {
    Log4jConfig config = test.getRequiredTestMethod().getAnnotation(Log4jConfig.class);
    Path dir = Files.createTempDirectory(Path.of("target"), test.getRequiredTestMethod().getName() + "-").toAbsolutePath();
    System.setProperty(DIR_PROPERTY, dir.toString());
    test.getStore(NS).put(LoggerContext.class, start(test.getUniqueId(), config.value(), config.allAsync()));
    test.getStore(NS).put(Path.class, dir);
  }

  /** A new started context named {@code name}, configured from the test resource {@code config}. */
  static LoggerContext start(String name, String config, boolean allAsync) throws URISyntaxException {
    var uri = LoggerContextExtension.class.getClassLoader().getResource(config).toURI();
    LoggerContext context = allAsync ? new AsyncLoggerContext(name, null, uri) : new LoggerContext(name, null, uri);
    context.start();
    // The writer drops dumps while Chronicle is still loading (a few seconds at most, unless the
    // machine is overloaded); tests check dumps, not that start-up race.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    return context;
  }

  @Override
  public void afterEach(ExtensionContext test) {
    test.getStore(NS).get(LoggerContext.class, LoggerContext.class).stop();
    System.clearProperty(DIR_PROPERTY);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext test) {
    Class<?> type = parameter.getParameter().getType();
    return type == LoggerContext.class || type == Path.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext test) {
    return test.getStore(NS).get(parameter.getParameter().getType());
  }
}
