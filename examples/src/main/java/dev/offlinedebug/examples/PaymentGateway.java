package dev.offlinedebug.examples;

import java.math.BigDecimal;

/** A payment provider with a fixed credit limit. */
final class PaymentGateway {
  private final BigDecimal available;

  PaymentGateway(BigDecimal available) {
    this.available = available;
  }

  void charge(Customer customer, BigDecimal amount, String currency)
      throws PaymentDeclinedException {
    String apiToken = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    BigDecimal shortfall = amount.subtract(available);
    if (shortfall.signum() > 0) {
      throw new PaymentDeclinedException(
          "insufficient funds for " + customer.id() + ": short by " + shortfall + " " + currency);
    }
  }
}
