package com.acme.shop;

/**
 * Real exceptions thrown through a few real frames, with a cause. Application code as far as the
 * agent is concerned: it never instruments {@code dev.offlinedebug}.
 */
public final class Failures {
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
}
