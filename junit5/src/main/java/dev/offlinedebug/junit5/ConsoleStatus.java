package dev.offlinedebug.junit5;

import dev.offlinedebug.spi.StatusListener;

/**
 * Reports the extension's problems on standard error. A test run has no status channel like
 * Logback's or Log4j2's, and logging is out: the test's own logging configuration may route to an
 * offline-debug appender and re-enter the store. Surefire and IDEs show standard error next to the
 * test that caused the report.
 */
final class ConsoleStatus implements StatusListener {
  static final ConsoleStatus INSTANCE = new ConsoleStatus();

  private ConsoleStatus() {}

  @Override
  public void report(String message, Throwable cause) {
    System.err.println("offline-debug (JUnit): " + message + (cause == null ? "" : ": " + cause));
  }
}
