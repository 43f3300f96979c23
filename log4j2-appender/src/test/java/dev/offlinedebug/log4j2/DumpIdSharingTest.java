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

/** Whichever of appender and %dumpId runs first writes the dump; the other reuses its ID. */
class DumpIdSharingTest {

  @Test
  @Log4jConfig("log4j2-converter-first.xml")
  void dumpId_converterBeforeAppender_writesExactlyOneDump(LoggerContext context, Path dir) throws Exception {
    assertOneDumpMatchingLogLine(context, dir);
  }

  @Test
  @Log4jConfig("log4j2-appender-first.xml")
  void dumpId_appenderBeforeConverter_writesExactlyOneDump(LoggerContext context, Path dir) throws Exception {
    assertOneDumpMatchingLogLine(context, dir);
  }

  @Test
  @Log4jConfig("log4j2-converter-only.xml")
  void dumpId_directoryOptionWithoutAppender_writesToThatStore(LoggerContext context, Path dir) throws Exception {
    assertOneDumpMatchingLogLine(context, dir);
  }

  @Test
  @Log4jConfig("log4j2-converter-by-name.xml")
  void dumpId_appenderNameOption_usesThatAppendersStore(LoggerContext context, Path dir) throws Exception {
    assertOneDumpMatchingLogLine(context, dir);
    assertEquals(List.of(), OfflineDebug.open(dir.resolve("first")).list());
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
