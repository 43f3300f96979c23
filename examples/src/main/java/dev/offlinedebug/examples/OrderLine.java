package dev.offlinedebug.examples;

import java.math.BigDecimal;

/** One article of an order. */
record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

  BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
