package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.Style;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryFilterTest {
  private final DumpSummary summary = new DumpSummary("od-1", Instant.parse("2026-11-26T05:00:00Z"), "ERROR",
      "java.lang.IllegalStateException", "card declined\nsecond line", "com.acme.shop.Checkout", "worker-1", "fp", 3);

  @Test
  void test_noOptionsMatchesAll() {
    assertTrue(new SummaryFilter().test(summary));
  }

  @Test
  void test_timeRangeIsHalfOpen() {
    SummaryFilter filter = new SummaryFilter();
    filter.since = summary.time();
    assertTrue(filter.test(summary));
    filter.until = summary.time();
    assertFalse(filter.test(summary));
  }

  @Test
  void test_since_aFailureFirstSeenBeforeAndRepeatedSince() {
    Instant repeated = summary.time().plusSeconds(60);
    DumpSummary seenAgain = new DumpSummary(summary.id(), summary.time(), summary.level(), summary.type(),
        summary.message(), summary.logger(), summary.thread(), summary.fingerprint(), 3, repeated, summary.id() + ".1o");
    SummaryFilter filter = new SummaryFilter();
    filter.since = summary.time().plusSeconds(30);
    assertFalse(filter.test(summary));
    assertTrue(filter.test(seenAgain));
    filter.since = repeated.plusMillis(1);
    assertFalse(filter.test(seenAgain));
  }

  @Test
  void test_loggerMatchesDescendantsOnly() {
    SummaryFilter filter = new SummaryFilter();
    filter.logger = "com.acme";
    assertTrue(filter.test(summary));
    filter.logger = "com.ac";
    assertFalse(filter.test(summary));
  }

  @Test
  void test_typeAndGrep() {
    SummaryFilter filter = new SummaryFilter();
    filter.type = "IllegalState";
    filter.grep = Pattern.compile("card \\w+");
    assertTrue(filter.test(summary));
    filter.grep = Pattern.compile("timeout");
    assertFalse(filter.test(summary));
  }

  @Test
  void format_oneLineWithOccurrences() {
    assertEquals("2026-11-26T05:00:00.000Z  od-1  ERROR  java.lang.IllegalStateException: card declined...  "
        + "com.acme.shop.Checkout  [worker-1]  (3 occurrences)", new SummaryLine(Style.PLAIN).format(summary));
  }
}
