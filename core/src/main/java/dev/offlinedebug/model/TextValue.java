package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A JDK value type captured as its canonical text through the type's own public API: enum constants
 * (their {@code name()}), {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code java.time}
 * types, {@code Class} and the like. The text parses back into an equal value.
 *
 * @param type the value's class name; never null
 * @param text the canonical text; never null
 * @since 0.1
 */
public record TextValue(String type, String text) implements Value {
  public TextValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }
}
