package com.acme.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.junit5.OfflineDebugExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's test class with failing tests, outside {@code dev.offlinedebug} so that the agent
 * instruments it. Runs only in the child JVMs of {@code FailureReportTest}.
 */
@ExtendWith(OfflineDebugExtension.class)
@EnabledIfSystemProperty(named = CartFixture.ENABLED, matches = "true")
public class CartFixture {
  public static final String ENABLED = "offlinedebug.test.reportFork";
  public static final int FAILURES = 6;

  @RepeatedTest(FAILURES)
  void total_emptyCart(RepetitionInfo repetition) {
    int items = 0;
    int cents = 1_990 + repetition.getCurrentRepetition();
    assertEquals(cents, total(items, cents));
  }

  @Test
  void total_oneItem() {
    assertEquals(1_990, total(1, 1_990));
  }

  private static int total(int items, int cents) {
    if (items == 0) {
      throw new IllegalStateException("cart of " + cents + " cents has no items");
    }
    return items * cents;
  }
}
