package dev.offlinedebug.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT30S}. */
final class DurationConverter implements ITypeConverter<Duration> {
  static final String FORMAT = "<number>[ms|s|m|h|d], e.g. 30s, 5m, 1h";
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  @Override
  public Duration convert(String text) {
    Duration duration = parse(text);
    if (duration == null) {
      throw new TypeConversionException("'" + text + "' is not a duration (" + FORMAT + ")");
    }
    return duration;
  }

  /** The duration {@code text} denotes, or {@code null}. */
  static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        default:
          return Duration.ofDays(amount);
      }
    }
    try {
      Duration iso = Duration.parse(text.trim());
      return iso.isNegative() ? null : iso;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
