package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.WriterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionConfigurationTest {
  private final List<String> reports = new ArrayList<>();

  private ExtensionConfiguration read(Map<String, String> parameters) {
    return ExtensionConfiguration.read(
        name -> Optional.ofNullable(parameters.get(name)), (message, cause) -> reports.add(message));
  }

  @Test
  void read_noParameters_givesTestRunDefaults() {
    ExtensionConfiguration configuration = read(Map.of());

    assertTrue(configuration.enabled());
    assertEquals(Path.of("target/offline-debug").toAbsolutePath(), configuration.directory());
    WriterSettings settings = configuration.writerSettings();
    assertEquals(CaptureLimits.DEFAULTS, settings.limits());
    assertEquals(100, settings.maxDumpsPerSecond());
    assertEquals(Duration.ZERO, settings.dedupWindow());
    assertEquals(WriterSettings.DEFAULT_MAX_TOTAL_SIZE, settings.maxTotalSize());
    assertEquals(List.of(), reports);
  }

  @Test
  void read_appenderOptions_areAppliedWithTheirSyntax() {
    ExtensionConfiguration configuration =
        read(
            Map.ofEntries(
                Map.entry("offlinedebug.enabled", "FALSE"),
                Map.entry("offlinedebug.directory", "build/dumps"),
                Map.entry("offlinedebug.maxDepth", "2"),
                Map.entry("offlinedebug.maxStringLength", "80"),
                Map.entry("offlinedebug.maxCollectionElements", "5"),
                Map.entry("offlinedebug.maxDumpBytes", "4KB"),
                Map.entry("offlinedebug.redact", " iban, /\\d{4}-\\d{4}/ ,"),
                Map.entry("offlinedebug.redactUnnamed", "false"),
                Map.entry("offlinedebug.maxDumpsPerSecond", "7"),
                Map.entry("offlinedebug.dedupWindow", "5s"),
                Map.entry("offlinedebug.maxTotalSize", "1GB")));

    assertFalse(configuration.enabled());
    assertEquals(Path.of("build/dumps").toAbsolutePath(), configuration.directory());
    WriterSettings settings = configuration.writerSettings();
    assertEquals(new CaptureLimits(2, 80, 5, 4096, List.of("iban", "/\\d{4}-\\d{4}/"), false), settings.limits());
    assertEquals(7, settings.maxDumpsPerSecond());
    assertEquals(Duration.ofSeconds(5), settings.dedupWindow());
    assertEquals(1L << 30, settings.maxTotalSize());
    assertEquals(List.of(), reports);
  }

  @Test
  void read_onlyMaxFileSizeBelowDefaultMaxDumpBytes_maxDumpBytesDefaultsToIt() {
    ExtensionConfiguration configuration = read(Map.of("offlinedebug.maxFileSize", "100KB"));

    assertEquals(100 * 1024, configuration.writerSettings().maxFileSize());
    assertEquals(100 * 1024, configuration.writerSettings().limits().maxDumpBytes());
    assertEquals(List.of(), reports);
  }

  @Test
  void read_malformedValues_reportExpectedFormatAndUseDefaults() {
    ExtensionConfiguration configuration =
        read(
            Map.of(
                "offlinedebug.enabled", "yes",
                "offlinedebug.maxDepth", "-1",
                "offlinedebug.directory", "build/dumps"));

    assertTrue(configuration.enabled());
    assertEquals(Path.of("target/offline-debug").toAbsolutePath(), configuration.directory());
    assertEquals(
        List.of(
            "configuration parameter offlinedebug.enabled = 'yes' is not in the expected format (true|false); using true",
            "configuration parameter offlinedebug.maxDepth '-1' is not in the expected format (<integer >= 0>)",
            "using the defaults of every offlinedebug.* writer parameter"),
        reports);
  }
}
