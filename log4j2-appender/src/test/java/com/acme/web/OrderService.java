package com.acme.web;

/** A service that wraps its payment failure, as application services do: the cause is the root. */
public final class OrderService {
  private static final int CARD_LIMIT_CENTS = 10_000;

  /** @return a receipt line; fails when the order is over the card's limit */
  public String placeOrder(String customer, int quantity) {
    int unitCents = 1_250;
    try {
      return customer + " paid " + charge(customer, quantity * unitCents);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("order for " + customer + " failed", e);
    }
  }

  private int charge(String customer, int amountCents) {
    int remaining = CARD_LIMIT_CENTS - amountCents;
    if (remaining < 0) {
      throw new IllegalStateException("card of " + customer + " declined");
    }
    return amountCents;
  }
}
