package dev.offlinedebug.internal.rebuild.denied;

/** An application exception whose package the tests never allow for rebuild. */
public class PaymentDeclined extends RuntimeException {
  public PaymentDeclined(String message, Throwable cause) {
    super(message, cause);
  }
}
