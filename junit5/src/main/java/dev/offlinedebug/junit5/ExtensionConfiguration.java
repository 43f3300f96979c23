package dev.offlinedebug.junit5;

import static java.util.Map.entry;

import dev.offlinedebug.spi.DumpOptions;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extensions' settings, read once per engine run from JUnit configuration parameters ({@code
 * junit-platform.properties}, {@code -D} system properties, launcher parameters). The dump writer
 * takes the appenders' options, with their names and syntax, prefixed with {@code offlinedebug.}.
 *
 * @param enabled whether failing tests are dumped
 * @param writerSettings where and how dumps are written
 */
record ExtensionConfiguration(boolean enabled, WriterSettings writerSettings) {
  static final String PREFIX = "offlinedebug.";
  static final String ENABLED = PREFIX + "enabled";
  static final String DIRECTORY = PREFIX + "directory";

  /** Relative to the working directory, which Maven and Gradle set to the module directory. */
  static final String DEFAULT_DIRECTORY = "target/offline-debug";

  /**
   * Off: two invocations of a parameterized test failing the same way are two failures, each with
   * its own test ID and locals.
   */
  static final String DEFAULT_DEDUP_WINDOW = "0";

  /**
   * Higher than the appenders' default: a test run is short, and a broken fixture failing a whole
   * parameterized test at once should still give one dump per failure.
   */
  static final String DEFAULT_MAX_DUMPS_PER_SECOND = "100";

  /** The appenders' writer options (all but {@code minLevel}: every test failure is an error). */
  private static final Map<String, BiConsumer<DumpOptions, String>> WRITER_OPTIONS =
      Map.ofEntries(
          entry("directory", DumpOptions::setDirectory),
          entry("maxFileSize", DumpOptions::setMaxFileSize),
          entry("maxTotalSize", DumpOptions::setMaxTotalSize),
          entry("maxAge", DumpOptions::setMaxAge),
          entry("maxDepth", DumpOptions::setMaxDepth),
          entry("maxStringLength", DumpOptions::setMaxStringLength),
          entry("maxCollectionElements", DumpOptions::setMaxCollectionElements),
          entry("maxDumpBytes", DumpOptions::setMaxDumpBytes),
          entry("redact", DumpOptions::setRedact),
          entry("redactUnnamed", DumpOptions::setRedactUnnamed),
          entry("dedupWindow", DumpOptions::setDedupWindow),
          entry("maxDumpsPerSecond", DumpOptions::setMaxDumpsPerSecond),
          entry("upload", DumpOptions::setUpload));

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExtensionConfiguration.class);

  /** The configuration of {@code context}'s engine run, read on first use. */
  static ExtensionConfiguration of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            ExtensionConfiguration.class,
            key -> read(root::getConfigurationParameter, ConsoleStatus.INSTANCE),
            ExtensionConfiguration.class);
  }

  /**
   * Reads the configuration; a malformed value is reported with the expected format and the
   * defaults are used, as Jupiter does for its own parameters: a typo in a diagnostics setting must
   * not fail the test run.
   */
  static ExtensionConfiguration read(Function<String, Optional<String>> parameters, StatusListener status) {
    boolean enabled = new ParameterReader(parameters, status).bool(ENABLED, true);
    DumpOptions options = defaults();
    WRITER_OPTIONS.forEach(
        (name, setter) -> parameters.apply(PREFIX + name).ifPresent(value -> setter.accept(options, value)));
    WriterSettings settings =
        options.writerSettings(problem -> status.report("configuration parameter " + PREFIX + problem, null));
    if (settings == null) {
      status.report("using the defaults of every " + PREFIX + "* writer parameter", null);
      settings = defaults().writerSettings(problem -> status.report(problem, null));
    }
    return new ExtensionConfiguration(enabled, settings);
  }

  private static DumpOptions defaults() {
    DumpOptions options = new DumpOptions();
    options.setDirectory(DEFAULT_DIRECTORY);
    options.setDedupWindow(DEFAULT_DEDUP_WINDOW);
    options.setMaxDumpsPerSecond(DEFAULT_MAX_DUMPS_PER_SECOND);
    return options;
  }

  /** The dump directory, absolute. */
  Path directory() {
    return writerSettings.directory();
  }
}
