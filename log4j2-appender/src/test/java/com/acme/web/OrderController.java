package com.acme.web;

/** The controller a dispatcher servlet calls with the request's parameters. */
public final class OrderController {
  private final OrderService service = new OrderService();

  public String order(String customer, String quantityParameter) {
    int quantity = Integer.parseInt(quantityParameter);
    String receipt = service.placeOrder(customer, quantity);
    return receipt + "\n";
  }
}
