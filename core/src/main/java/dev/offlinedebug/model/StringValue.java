package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A {@link String}, possibly cut to the configured {@code maxStringLength}.
 *
 * @param value the captured characters; never null
 * @param length the length of the original string; greater than {@code value.length()} when it was
 *     truncated
 * @since 0.1
 */
public record StringValue(String value, int length) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  /** A string captured whole. */
  public static StringValue of(String value) {
    return new StringValue(value, value.length());
  }

  /** Whether the original string was longer than what was captured. */
  public boolean truncated() {
    return length > value.length();
  }

  @Override
  public String type() {
    return "java.lang.String";
  }
}
