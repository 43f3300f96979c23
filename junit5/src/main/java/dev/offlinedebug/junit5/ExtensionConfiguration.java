package dev.offlinedebug.junit5;

import dev.offlinedebug.capture.CaptureLimits;
import dev.offlinedebug.store.WriterSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extensions' settings, read once per engine run from JUnit configuration parameters ({@code
 * junit-platform.properties}, {@code -D} system properties, launcher parameters).
 *
 * @param enabled whether failing tests are dumped
 * @param writerSettings where and how dumps are written
 */
record ExtensionConfiguration(boolean enabled, WriterSettings writerSettings) {
  static final String ENABLED = "offlinedebug.enabled";
  static final String DIRECTORY = "offlinedebug.directory";
  static final String MAX_DEPTH = "offlinedebug.maxDepth";
  static final String MAX_STRING_LENGTH = "offlinedebug.maxStringLength";
  static final String MAX_COLLECTION_ELEMENTS = "offlinedebug.maxCollectionElements";
  static final String MAX_DUMP_BYTES = "offlinedebug.maxDumpBytes";
  static final String REDACT = "offlinedebug.redact";
  static final String MAX_DUMPS_PER_SECOND = "offlinedebug.maxDumpsPerSecond";

  /** Relative to the working directory, which Maven and Gradle set to the module directory. */
  static final String DEFAULT_DIRECTORY = "target/offline-debug";

  /**
   * Higher than the appenders' default: a test run is short, and a broken fixture failing a whole
   * parameterized test at once should still give one dump per failure.
   */
  static final int DEFAULT_MAX_DUMPS_PER_SECOND = 100;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExtensionConfiguration.class);

  /** The configuration of {@code context}'s engine run, read on first use. */
  static ExtensionConfiguration of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            ExtensionConfiguration.class,
            key -> read(new ParameterReader(root::getConfigurationParameter, ConsoleStatus.INSTANCE)),
            ExtensionConfiguration.class);
  }

  static ExtensionConfiguration read(ParameterReader parameters) {
    CaptureLimits defaults = CaptureLimits.DEFAULTS;
    CaptureLimits limits =
        new CaptureLimits(
            parameters.nonNegativeInt(MAX_DEPTH, defaults.maxDepth()),
            parameters.nonNegativeInt(MAX_STRING_LENGTH, defaults.maxStringLength()),
            parameters.nonNegativeInt(MAX_COLLECTION_ELEMENTS, defaults.maxCollectionElements()),
            parameters.nonNegativeInt(MAX_DUMP_BYTES, defaults.maxDumpBytes()),
            parameters.list(REDACT));
    WriterSettings writerSettings =
        new WriterSettings(
            Path.of(parameters.string(DIRECTORY, DEFAULT_DIRECTORY)),
            WriterSettings.DEFAULT_MAX_FILE_SIZE,
            WriterSettings.DEFAULT_MAX_TOTAL_SIZE,
            WriterSettings.DEFAULT_MAX_AGE,
            // Every failing test gets its own dump: two invocations of a parameterized test failing
            // the same way are two failures, each with its own test ID and locals.
            Duration.ZERO,
            parameters.nonNegativeInt(MAX_DUMPS_PER_SECOND, DEFAULT_MAX_DUMPS_PER_SECOND),
            null,
            limits);
    return new ExtensionConfiguration(parameters.bool(ENABLED, true), writerSettings);
  }

  /** The dump directory. */
  Path directory() {
    return writerSettings.directory();
  }
}
