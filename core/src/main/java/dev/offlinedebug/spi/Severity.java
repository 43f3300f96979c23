package dev.offlinedebug.spi;

import java.util.Locale;

/**
 * Framework-neutral log levels, least severe first, so that {@code minLevel} means the same in both
 * appenders. Each adapter maps its framework's levels onto these (Logback has no {@code FATAL}).
 *
 * @since 0.1
 */
public enum Severity {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL;

  /** The expected format of a level option, for error messages. */
  static final String FORMAT = "TRACE|DEBUG|INFO|WARN|ERROR|FATAL";

  /** Whether an event at this severity passes a {@code minLevel} of {@code min}. */
  public boolean atLeast(Severity min) {
    return compareTo(min) >= 0;
  }

  /** The severity named {@code name} (any case), or {@code null} when there is none. */
  static Severity named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
