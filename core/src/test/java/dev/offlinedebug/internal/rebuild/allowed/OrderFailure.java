package dev.offlinedebug.internal.rebuild.allowed;

/** An application exception with extra state and the usual constructors. */
public class OrderFailure extends RuntimeException {
  private final long orderId;

  public OrderFailure(String message) {
    super(message);
    this.orderId = 0;
  }

  public OrderFailure(String message, long orderId) {
    super(message);
    this.orderId = orderId;
  }

  public long orderId() {
    return orderId;
  }
}
