package dev.offlinedebug.examples;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo application of {@code offline-debug demo}: one order goes through checkout, the payment
 * is declined, and the failure is logged with its dump ID. The locals on the way (order, customer
 * with a password, amounts, order lines, an API token) are what the dump shows afterwards.
 */
public final class OrderDemo {
  private static final Logger LOG = LoggerFactory.getLogger(OrderDemo.class);

  private OrderDemo() {}

  public static void main(String[] args) {
    Customer customer = new Customer("C-1042", "Ada Lovelace", "ada@example.com", "correct horse");
    Order order =
        new Order(
            "ORD-2026-1126",
            customer,
            List.of(
                new OrderLine("SKU-CHAIR", 2, new BigDecimal("149.00")),
                new OrderLine("SKU-LAMP", 1, new BigDecimal("39.90"))));
    CheckoutService checkout = new CheckoutService(new PaymentGateway(new BigDecimal("250.00")));
    try {
      checkout.checkout(order);
    } catch (CheckoutException e) {
      LOG.error("Checkout failed for order {}", order.id(), e);
    }
  }
}
