package com.acme.shop;

/**
 * The same failure with different values each time, as requests of a web application fail: an
 * order for more than is in stock. Application code for the agent; each call throws from the same
 * frames, so repeats share a fingerprint and differ only in their values.
 */
public final class Inventory {
  private static final int IN_STOCK = 5;

  private Inventory() {}

  /**
   * An {@code IllegalStateException("<quantity> items of <sku> out of stock")} thrown by {@code
   * reserve}, whose locals are {@code sku}, {@code quantity} and {@code available}.
   */
  public static IllegalStateException outOfStock(String sku, int quantity) {
    try {
      reserve(sku, quantity);
      throw new AssertionError("reserve must throw for more than " + IN_STOCK);
    } catch (IllegalStateException e) {
      return e;
    }
  }

  private static void reserve(String sku, int quantity) {
    int available = IN_STOCK;
    if (quantity > available) {
      throw new IllegalStateException(quantity + " items of " + sku + " out of stock");
    }
  }
}
