package dev.offlinedebug.model;

/**
 * A further reference to an object, array, collection or map captured earlier in the same dump.
 *
 * @param id the {@code id} of the {@link ObjectValue}, {@link ArrayValue} or {@link MapValue}
 * @since 0.1
 */
public record RefValue(int id) implements Value {
  /** Unknown here: the type is the referenced value's. */
  @Override
  public String type() {
    return null;
  }
}
