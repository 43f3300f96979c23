package com.acme.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.junit5.OfflineDebugExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** Another failing test class, run in parallel with {@link CartFixture}. */
@ExtendWith(OfflineDebugExtension.class)
@EnabledIfSystemProperty(named = CartFixture.ENABLED, matches = "true")
public class PaymentFixture {
  public static final int FAILURES = 6;

  @RepeatedTest(FAILURES)
  void charge_overLimit() {
    String card = "visa";
    long limit = 100;
    long charged = Math.max(limit, 250);
    assertEquals(limit, charged, "charged " + card + " over its limit <script>window.pwned=1</script>");
  }
}
