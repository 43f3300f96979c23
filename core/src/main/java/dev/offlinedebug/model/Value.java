package dev.offlinedebug.model;

/**
 * A captured value: the state of a local variable, field, element or map entry at capture time.
 *
 * <p>Objects, arrays, collections and maps carry an {@code id} unique within one dump; a second
 * reference to the same object is a {@link RefValue} with that id, so cycles and shared references
 * are kept without repeating the object.
 *
 * @since 0.1
 */
public sealed interface Value
    permits NullValue, PrimitiveValue, StringValue, TextValue, ThrowableValue, CompositeValue, RefValue,
        OmittedValue {

  /**
   * The Java type name of the captured value ({@code "int"}, {@code "java.lang.String"},
   * {@code "com.acme.Order"}, {@code "int[]"}), or {@code null} where it is not known.
   */
  String type();
}
