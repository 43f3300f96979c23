package dev.offlinedebug.log4j2;

import static dev.offlinedebug.log4j2.DumpAssertions.assertEvent;
import static dev.offlinedebug.log4j2.DumpAssertions.assertThrowable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.Failures;
import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whichever of appender and %dumpId runs first writes the dump; the other reuses its ID. */
class DumpIdSharingTest {

  /**
   * The converter before the appender, after it, alone with a directory option, and choosing one of
   * two appenders by name.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "log4j2-converter-first.xml", "log4j2-appender-first.xml", "log4j2-converter-only.xml", "log4j2-converter-by-name.xml",
    "log4j2-converter-two-appenders.xml"})
  void dumpId_withOrWithoutAppender_writesExactlyOneDump(String config) throws Exception {
    try (TestLogging logging = TestLogging.start(config, false)) {
      assertOneDumpMatchingLogLine(logging.context(), logging.dir());
    }
  }

  @Test
  @Log4jConfig("log4j2-converter-by-name.xml")
  void dumpId_appenderNameOption_leavesOtherAppendersStoreEmpty(LoggerContext context, Path dir) throws Exception {
    context.getLogger("shop.Orders").error("order failed", Failures.orderFailure());
    context.stop();

    assertEquals(1, OfflineDebug.open(dir.resolve("dumps")).list().size());
    assertEquals(List.of(), OfflineDebug.open(dir.resolve("first")).list());
  }

  @Test
  @Log4jConfig("log4j2-converter-two-appenders.xml")
  void dumpId_bare_usesTheFirstAppenderByName(LoggerContext context, Path dir) throws Exception {
    context.getLogger("shop.Orders").error("order failed", Failures.orderFailure());
    context.stop();

    assertEquals(1, OfflineDebug.open(dir.resolve("dumps")).list().size());
    assertEquals(List.of(), OfflineDebug.open(dir.resolve("beta")).list());
  }

  private static void assertOneDumpMatchingLogLine(LoggerContext context, Path dir) throws Exception {
    IllegalStateException failure = Failures.orderFailure();

    context.getLogger("shop.Orders").error("order failed", failure);
    context.stop();

    String id = LogLines.onlyId(dir.resolve("app.log"));
    List<DumpSummary> dumps = OfflineDebug.open(dir.resolve("dumps")).list();
    assertEquals(1, dumps.size(), () -> "dumps: " + dumps);
    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(id);
    assertThrowable(failure, dump);
    assertEvent(dump, "shop.Orders", "ERROR", Thread.currentThread().getName(), "order failed", Map.of());
  }
}
