package dev.offlinedebug.internal.rebuild.allowed;

/** A checked exception that can only be built with a message and a cause. */
public class WrappedFailure extends Exception {
  public WrappedFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
