package dev.offlinedebug.examples;

import java.math.BigDecimal;

/** Charges an order's total; a declined payment fails the checkout. */
final class CheckoutService {
  private final PaymentGateway gateway;

  CheckoutService(PaymentGateway gateway) {
    this.gateway = gateway;
  }

  void checkout(Order order) throws CheckoutException {
    BigDecimal total = order.total();
    String currency = "EUR";
    int attempt = 1;
    try {
      gateway.charge(order.customer(), total, currency);
    } catch (PaymentDeclinedException e) {
      throw new CheckoutException(
          "order " + order.id() + " could not be paid (attempt " + attempt + ")", e);
    }
  }
}
