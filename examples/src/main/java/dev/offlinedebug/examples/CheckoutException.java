package dev.offlinedebug.examples;

/** A checkout could not be completed. */
final class CheckoutException extends Exception {
  private static final long serialVersionUID = 1L;

  CheckoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
