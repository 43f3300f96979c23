package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoIT {
  @TempDir Path work;

  @Test
  void demo_showsTheLoggedLineAndItsDumpWithLocals() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("demo");
    assertEquals(0, result.exit(), result.toString());
    String out = result.out();
    assertTrue(out.matches("(?s)The example application logged:\n"
        + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR \\[main\\] .*OrderDemo - Checkout failed for order ORD-2026-1126 \\[dump (\\S+)\\]\n.*"),
        result.toString());
    assertTrue(out.contains("dev.offlinedebug.examples.CheckoutException: order ORD-2026-1126 could not be paid (attempt 1)\n"
        + "\tat dev.offlinedebug.examples.CheckoutService.checkout(CheckoutService.java:"), result.toString());
    assertTrue(out.contains("Caused by: dev.offlinedebug.examples.PaymentDeclinedException: insufficient funds for C-1042: "
        + "short by 87.90 EUR\n\tat dev.offlinedebug.examples.PaymentGateway.charge(PaymentGateway.java:"), result.toString());
    assertTrue(out.contains("locals      captured\n"), result.toString());
    assertTrue(out.contains("\t    amount = 337.90 (java.math.BigDecimal)\n"), result.toString());
    assertTrue(out.contains("\t    apiToken = <redacted>"), result.toString());
    assertTrue(out.contains("customer = dev.offlinedebug.examples.Customer #"), result.toString());
    assertTrue(out.contains("password = <redacted>"), result.toString());
    assertTrue(out.contains("\t    currency = \"EUR\"\n"), result.toString());
    assertTrue(out.matches("(?s).*\tat dev\\.offlinedebug\\.examples\\.OrderDemo\\.main\\(OrderDemo\\.java:\\d+\\)\n"
        + "\t    args = [^\n]*\n\t    customer = [^\n]*\n\t    order = [^\n]*\n\t    checkout = .*"),
        "the catching frame's locals: " + result);
    assertTrue(work.resolve("logs").resolve("dumps").toFile().isDirectory(), "the dump stays in ./logs/dumps");
  }
}
