package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeOptionsTest {

  @Test
  void parse_shortDurations() {
    assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
    assertEquals(Duration.ofMinutes(30), DurationConverter.parse("30m"));
    assertEquals(Duration.ofDays(7), DurationConverter.parse("7d"));
    assertEquals(Duration.ofSeconds(90), DurationConverter.parse("PT1M30S"));
  }

  @Test
  void parse_notADuration() {
    assertNull(DurationConverter.parse("soon"));
    assertNull(DurationConverter.parse("-PT1S"));
  }

  @Test
  void convert_isoInstantAndOffset() {
    InstantConverter converter = new InstantConverter();
    assertEquals(Instant.parse("2026-11-26T05:00:00Z"), converter.convert("2026-11-26T05:00:00Z"));
    assertEquals(Instant.parse("2026-11-26T05:00:00Z"), converter.convert("2026-11-26T07:00:00+02:00"));
  }

  @Test
  void convert_relativeIsAgo() {
    Instant before = Instant.now().minus(Duration.ofHours(1));
    Instant parsed = new InstantConverter().convert("1h");
    Instant after = Instant.now().minus(Duration.ofHours(1));
    assertTrue(!parsed.isBefore(before) && !parsed.isAfter(after), parsed.toString());
  }

  @Test
  void convert_garbageNamesTheExpectedFormat() {
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> new InstantConverter().convert("x"));
    assertTrue(e.getMessage().contains("ISO-8601"), e.getMessage());
  }
}
