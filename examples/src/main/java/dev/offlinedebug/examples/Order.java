package dev.offlinedebug.examples;

import java.math.BigDecimal;
import java.util.List;

/** An order placed by a customer. */
record Order(String id, Customer customer, List<OrderLine> lines) {

  BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO;
    for (OrderLine line : lines) {
      total = total.add(line.amount());
    }
    return total;
  }
}
