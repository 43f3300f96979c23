package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.capture.CaptureLimits;
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
        new ParameterReader(
            name -> Optional.ofNullable(parameters.get(name)), (message, cause) -> reports.add(message)));
  }

  @Test
  void read_noParameters_givesDefaults() {
    ExtensionConfiguration configuration = read(Map.of());

    assertTrue(configuration.enabled());
    assertEquals(Path.of("target/offline-debug"), configuration.directory());
    assertEquals(CaptureLimits.DEFAULTS, configuration.writerSettings().limits());
    assertEquals(100, configuration.writerSettings().maxDumpsPerSecond());
    assertEquals(Duration.ZERO, configuration.writerSettings().dedupWindow());
    assertEquals(List.of(), reports);
  }

  @Test
  void read_allParameters_areApplied() {
    ExtensionConfiguration configuration =
        read(
            Map.of(
                "offlinedebug.enabled", "FALSE",
                "offlinedebug.directory", "build/dumps",
                "offlinedebug.maxDepth", "2",
                "offlinedebug.maxStringLength", "80",
                "offlinedebug.maxCollectionElements", "5",
                "offlinedebug.maxDumpBytes", "4096",
                "offlinedebug.redact", " iban, /\\d{4}-\\d{4}/ ,",
                "offlinedebug.maxDumpsPerSecond", "7"));

    assertFalse(configuration.enabled());
    assertEquals(Path.of("build/dumps"), configuration.directory());
    assertEquals(
        new CaptureLimits(2, 80, 5, 4096, List.of("iban", "/\\d{4}-\\d{4}/")),
        configuration.writerSettings().limits());
    assertEquals(7, configuration.writerSettings().maxDumpsPerSecond());
    assertEquals(List.of(), reports);
  }

  @Test
  void read_malformedValues_reportExpectedFormatAndUseDefaults() {
    ExtensionConfiguration configuration =
        read(Map.of("offlinedebug.enabled", "yes", "offlinedebug.maxDepth", "-1"));

    assertTrue(configuration.enabled());
    assertEquals(CaptureLimits.DEFAULTS.maxDepth(), configuration.writerSettings().limits().maxDepth());
    assertEquals(
        List.of(
            "configuration parameter offlinedebug.maxDepth = '-1' is not in the expected format (a non-negative integer); using 4",
            "configuration parameter offlinedebug.enabled = 'yes' is not in the expected format (true|false); using true"),
        reports);
  }
}
