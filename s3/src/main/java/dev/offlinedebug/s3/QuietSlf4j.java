package dev.offlinedebug.s3;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The AWS SDK logs through SLF4J. In a host without an SLF4J provider (a Log4j2 application without
 * {@code log4j-slf4j2-impl}, say) SLF4J's first use prints "No SLF4J providers were found" on the
 * host's standard error, and that first use would be ours. SLF4J falls back to its no-operation
 * logger either way: this only lets it do so without a word, before the client first logs.
 */
final class QuietSlf4j {
  /** SLF4J's (2.0.10+) threshold for its own reports, read once when it first reports. */
  private static final String VERBOSITY = "slf4j.internal.verbosity";

  private QuietSlf4j() {}

  /**
   * Initialises SLF4J with its own reports limited to errors, when it has no provider to bind and
   * the host chose neither a provider nor a verbosity. With a provider, or SLF4J already started,
   * this changes nothing.
   */
  static void initialise() {
    try {
      if (System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) != null || System.getProperty(VERBOSITY) != null
          || ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
              .stream().findAny().isPresent()) {
        return;
      }
      System.setProperty(VERBOSITY, "ERROR");
      try {
        LoggerFactory.getILoggerFactory();
      } finally {
        System.clearProperty(VERBOSITY);
      }
    } catch (LinkageError | RuntimeException e) {
      // An SLF4J older than 2.0 (no service providers) reports as it always did.
    }
  }
}
