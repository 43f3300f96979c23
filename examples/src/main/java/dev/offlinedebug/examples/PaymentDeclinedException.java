package dev.offlinedebug.examples;

/** The payment provider refused a charge. */
final class PaymentDeclinedException extends Exception {
  private static final long serialVersionUID = 1L;

  PaymentDeclinedException(String message) {
    super(message);
  }
}
