package com.acme.shop;

/**
 * Real exceptions thrown through a few real frames, with locals in scope for the agent to capture
 * (when it is attached to the tests' JVM). Application code as far as the agent is concerned: it
 * never instruments {@code dev.offlinedebug}. Each method fails with its own exception type, so
 * each has its own fingerprint.
 */
public final class Failures {
  /** Terminal control sequences: clear screen, bell, carriage return, C1 CSI, bidi override. */
  public static final String HOSTILE = "clear\u001b[2Jscreen\u0007bell\r\u009bC1\u202eevil";

  private Failures() {}

  /** An {@code IllegalStateException("order 42 failed")} caused by an {@code ArithmeticException}. */
  public static IllegalStateException orderFailure() {
    try {
      placeOrder(42);
      throw new AssertionError("placeOrder must throw");
    } catch (IllegalStateException e) {
      return e;
    }
  }

  private static void placeOrder(int orderId) {
    try {
      computeTotal(orderId, 0);
    } catch (ArithmeticException e) {
      throw new IllegalStateException("order " + orderId + " failed", e);
    }
  }

  private static int computeTotal(int orderId, int quantity) {
    return orderId / quantity;
  }

  /** A throwable carrying a string field, to check that exception fields are escaped too. */
  public static final class HostileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String detail;

    HostileException(String message, String detail) {
      super(message);
      this.detail = detail;
    }
  }

  public static RuntimeException declined(String customer, int cents) {
    try {
      charge(customer, cents);
      throw new AssertionError("charge fails");
    } catch (IllegalStateException e) {
      return new IllegalArgumentException("checkout of " + cents + " cents failed", e);
    }
  }

  private static void charge(String customer, int cents) {
    String currency = "EUR";
    long limit = 25_000L;
    if (cents > limit) {
      throw new IllegalStateException("card declined for " + customer + ": " + cents + " " + currency);
    }
  }

  public static RuntimeException hostile() {
    try {
      clearScreen(HOSTILE);
      throw new AssertionError("clearScreen fails");
    } catch (HostileException e) {
      return e;
    }
  }

  private static void clearScreen(String screen) {
    throw new HostileException("message " + screen, "detail " + screen);
  }

  public static RuntimeException unsupported(int n) {
    try {
      throw new UnsupportedOperationException("operation " + n);
    } catch (UnsupportedOperationException e) {
      return e;
    }
  }
}
