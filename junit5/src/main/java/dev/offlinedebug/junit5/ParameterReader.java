package dev.offlinedebug.junit5;

import dev.offlinedebug.spi.StatusListener;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed JUnit configuration parameters. A malformed value is reported with the expected
 * format and replaced by the default.
 */
final class ParameterReader {
  private final Function<String, Optional<String>> parameters;
  private final StatusListener status;

  /** @param parameters looks a parameter up by name, e.g. {@code ExtensionContext::getConfigurationParameter} */
  ParameterReader(Function<String, Optional<String>> parameters, StatusListener status) {
    this.parameters = parameters;
    this.status = status;
  }

  String string(String name, String defaultValue) {
    return value(name).orElse(defaultValue);
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String text = value.get().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    return malformed(name, value.get(), "true|false", defaultValue);
  }

  int nonNegativeInt(String name, int defaultValue) {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected format
    }
    return malformed(name, value.get(), "a non-negative integer", defaultValue);
  }

  private Optional<String> value(String name) {
    return parameters.apply(name).map(String::trim).filter(s -> !s.isEmpty());
  }

  private <T> T malformed(String name, String value, String expected, T defaultValue) {
    status.report(
        "configuration parameter " + name + " = '" + value + "' is not in the expected format ("
            + expected + "); using " + defaultValue,
        null);
    return defaultValue;
  }
}
