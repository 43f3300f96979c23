package dev.offlinedebug.model;

/**
 * The {@code null} reference.
 *
 * @since 0.1
 */
public enum NullValue implements Value {
  /** The only instance. */
  INSTANCE;

  /** Always {@code null}: a null reference has no runtime type. */
  @Override
  public String type() {
    return null;
  }
}
