package dev.offlinedebug.log4j2;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one {@link TestLogging} per test from the resource named by {@link Log4jConfig}. */
final class LoggerContextExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LoggerContextExtension.class);

  @Override
  public void beforeEach(ExtensionContext test) throws IOException, URISyntaxException {
    Log4jConfig config = test.getRequiredTestMethod().getAnnotation(Log4jConfig.class);
    test.getStore(NS).put(TestLogging.class, TestLogging.start(config.value(), config.allAsync()));
  }

  @Override
  public void afterEach(ExtensionContext test) {
    test.getStore(NS).get(TestLogging.class, TestLogging.class).close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext test) {
    Class<?> type = parameter.getParameter().getType();
    return type == LoggerContext.class || type == Path.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext test) {
    TestLogging logging = test.getStore(NS).get(TestLogging.class, TestLogging.class);
    return parameter.getParameter().getType() == Path.class ? logging.dir() : logging.context();
  }
}
