package dev.offlinedebug.log4j2;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test against its own {@code LoggerContext} configured from a test resource; the context
 * and its store directory are passed as parameters ({@code LoggerContext}, {@code Path}). The
 * configuration reads the directory as {@code ${sys:od.dir}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(LoggerContextExtension.class)
@interface Log4jConfig {
  /** The {@code log4j2.xml} resource. */
  String value();

  /** Whether every logger of the context is asynchronous ({@code AsyncLoggerContext}). */
  boolean allAsync() default false;
}
