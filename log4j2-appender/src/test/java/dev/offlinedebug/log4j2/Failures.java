package dev.offlinedebug.log4j2;

/** Real exceptions thrown through a few real frames, with a cause. */
final class Failures {
  private Failures() {}

  /** An {@code IllegalStateException("order 42 failed")} caused by an {@code ArithmeticException}. */
  static IllegalStateException orderFailure() {
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
