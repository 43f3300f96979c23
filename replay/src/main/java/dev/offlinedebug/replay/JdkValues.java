package dev.offlinedebug.replay;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pure JDK value types that replay builds from a dump's text, each through code written for
 * it: boxes, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code java.util.Date} (as its
 * instant), the {@code java.time} values, and the constants of a few JDK enums of time, numbers and
 * threads. This list is the whole allowance: a text of any other type, JDK or not, stays its text,
 * so no constructor, factory or static initialiser of a class a dump names ever runs (a dump could
 * otherwise name {@code FileOutputStream} and a path, and replay would truncate that file).
 *
 * <p>Types are matched by the exact runtime class name capture writes (so {@code
 * java.time.ZoneRegion}, what {@code ZoneId.of("Europe/Paris")} returns, is listed by name).
 */
final class JdkValues {
  /**
   * Longer texts stay text: every listed type's canonical text is far shorter, and parsing a huge
   * number costs time quadratic in its length.
   */
  static final int MAX_TEXT_LENGTH = 4096;

  private static final Map<String, Function<String, Object>> PARSERS = parsers();

  private JdkValues() {}

  /** The value {@code text} is the canonical text of, when {@code type} is allowed and it parses. */
  static Optional<Object> parse(String type, String text) {
    Function<String, Object> parser = PARSERS.get(type);
    if (parser == null || text.length() > MAX_TEXT_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text));
    } catch (RuntimeException e) { // malformed text of an allowed type stays text
      return Optional.empty();
    }
  }

  private static Map<String, Function<String, Object>> parsers() {
    Map<String, Function<String, Object>> p = new HashMap<>();
    p.put(Boolean.class.getName(), JdkValues::parseBoolean);
    p.put(Character.class.getName(), JdkValues::parseCharacter);
    p.put(Byte.class.getName(), Byte::valueOf);
    p.put(Short.class.getName(), Short::valueOf);
    p.put(Integer.class.getName(), Integer::valueOf);
    p.put(Long.class.getName(), Long::valueOf);
    p.put(Float.class.getName(), Float::valueOf);
    p.put(Double.class.getName(), Double::valueOf);
    p.put(BigDecimal.class.getName(), BigDecimal::new);
    p.put(BigInteger.class.getName(), BigInteger::new);
    p.put(UUID.class.getName(), UUID::fromString);
    p.put(Date.class.getName(), text -> Date.from(Instant.parse(text)));
    p.put(Instant.class.getName(), Instant::parse);
    p.put(Duration.class.getName(), Duration::parse);
    p.put(Period.class.getName(), Period::parse);
    p.put(LocalDate.class.getName(), LocalDate::parse);
    p.put(LocalTime.class.getName(), LocalTime::parse);
    p.put(LocalDateTime.class.getName(), LocalDateTime::parse);
    p.put(OffsetDateTime.class.getName(), OffsetDateTime::parse);
    p.put(OffsetTime.class.getName(), OffsetTime::parse);
    p.put(ZonedDateTime.class.getName(), ZonedDateTime::parse);
    p.put(Year.class.getName(), Year::parse);
    p.put(YearMonth.class.getName(), YearMonth::parse);
    p.put(MonthDay.class.getName(), MonthDay::parse);
    p.put(ZoneOffset.class.getName(), ZoneOffset::of);
    p.put(ZoneId.class.getName(), ZoneId::of);
    p.put("java.time.ZoneRegion", ZoneId::of); // ZoneId.of's runtime class for region IDs
    for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
        TimeUnit.class, ChronoUnit.class, ChronoField.class, DayOfWeek.class, Month.class,
        TextStyle.class, FormatStyle.class, ResolverStyle.class, SignStyle.class,
        RoundingMode.class, Thread.State.class, Normalizer.Form.class)) {
      p.put(type.getName(), text -> constant(type, text));
    }
    return Map.copyOf(p);
  }

  private static Object parseBoolean(String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: " + text);
    };
  }

  private static Object parseCharacter(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("not one character: " + text);
    }
    return text.charAt(0);
  }

  /** The constant named {@code name} of one of the enums listed above, by its own constants. */
  private static Object constant(Class<? extends Enum<?>> type, String name) {
    for (Enum<?> constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("no constant " + name + " in " + type.getName());
  }
}
