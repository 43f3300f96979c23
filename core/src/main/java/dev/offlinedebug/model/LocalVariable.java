package dev.offlinedebug.model;

import java.util.Objects;

/**
 * A local variable of a frame as it was when the exception unwound through the frame.
 *
 * @param name the source name ({@code "this"} for the receiver; {@code "arg0"}, {@code "local3"}
 *     for classes compiled without {@code -g}); never null
 * @param type the declared type name ({@code "int"}, {@code "java.util.List"}); never null
 * @param value never null
 * @since 0.1
 */
public record LocalVariable(String name, String type, Value value) {
  public LocalVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }
}
