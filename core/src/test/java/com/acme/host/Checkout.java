package com.acme.host;

/**
 * A real failure thrown through a few real frames, with a cause; application code as far as the
 * agent is concerned, which never instruments {@code dev.offlinedebug}.
 */
public final class Checkout {
  private Checkout() {}

  /** An {@code IllegalStateException("order 42 failed")} caused by an {@code ArithmeticException}. */
  public static IllegalStateException failure() {
    try {
      placeOrder(42);
      throw new AssertionError("placeOrder must throw");
    } catch (IllegalStateException e) {
      return e;
    }
  }

  private static void placeOrder(int orderId) {
    try {
      total(orderId, 0);
    } catch (ArithmeticException e) {
      throw new IllegalStateException("order " + orderId + " failed", e);
    }
  }

  private static int total(int orderId, int quantity) {
    return orderId / quantity;
  }
}
