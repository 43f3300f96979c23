package dev.offlinedebug.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Points in time for {@code --since}/{@code --until}: an ISO-8601 instant ({@code
 * 2026-11-26T05:00:00Z}, or with an offset), or a duration ago ({@code 1h} means one hour before
 * now).
 */
final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    String trimmed = text.trim();
    try {
      return Instant.parse(trimmed);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(trimmed).toInstant();
      } catch (DateTimeParseException notOffset) {
        java.time.Duration ago = DurationConverter.parse(trimmed);
        if (ago != null) {
          return Instant.now().minus(ago);
        }
      }
    }
    throw new TypeConversionException(
        "'" + text + "' is not a time (ISO-8601 like 2026-11-26T05:00:00Z, or a duration ago: "
            + DurationConverter.FORMAT + ")");
  }
}
