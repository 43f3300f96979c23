package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/** Logs the reference failure through real Logback configurations and loads its dump by the ID in the log. */
class OfflineDebugAppenderTest {

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  /**
   * plain: %dumpId runs before the appender; forward: the appender forwards with MDC dumpId;
   * async-front: AsyncAppender → appender → file (dump written on the worker thread); async-behind:
   * appender → AsyncAppender → file.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "logback-plain.xml",
        "logback-forward.xml",
        "logback-async-front.xml",
        "logback-async-behind.xml"
      })
  void append_patternLayout_logLineNamesTheDump(String config) throws Exception {
    logback.configure(config);

    String id = new OrderFailure().logAndAssertDump(logback, LogbackContext::dumpIdsInLog);

    assertEquals(1, OfflineDebug.open(logback.dumpDir()).list().size(), "one dump per logged throwable");
    String line = logLineWith(id);
    assertTrue(line.contains("[" + OrderFailure.THREAD + "]"), line);
    assertTrue(line.contains(OrderFailure.FORMATTED_MESSAGE), line);
    assertNoErrorStatus();
  }

  /** Spring Boot refuses to start on any ERROR status a configuration leaves behind. */
  private void assertNoErrorStatus() {
    List<String> errors = logback.statusMessages(Status.ERROR);
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void append_jsonEncoder_idIsAnMdcField() throws Exception {
    logback.configure("logback-json.xml");

    String id = new OrderFailure().logAndAssertDump(logback, LogbackContext::dumpIdsInJsonLog);

    String record = logLineWith(id);
    assertTrue(record.matches("\\{.*\"mdc\": \\{.*\"dumpId\":\"" + id + "\".*\\}.*"), record);
    assertTrue(record.contains("\"user\":\"alice\""), record);
    assertNoErrorStatus();
  }

  @Test
  void append_sameThrowableLoggedTwice_reusesItsDump() throws Exception {
    logback.configure("logback-plain.xml");
    Logger logger = logback.logger(OrderFailure.LOGGER);
    IllegalStateException thrown = OrderFailure.reject("B-2");

    logger.error("first attempt", thrown);
    logger.error("rethrown and logged again", thrown);
    logback.stop();

    List<String> ids = logback.dumpIdsInLog();
    assertEquals(2, ids.size(), ids.toString());
    assertEquals(ids.get(0), ids.get(1));
    assertEquals(1, OfflineDebug.open(logback.dumpDir()).list().size());
  }

  @Test
  void convert_eventWithoutThrowable_rendersEmptyAndWritesNoDump() throws IOException {
    logback.configure("logback-plain.xml");

    logback.logger(OrderFailure.LOGGER).error("no exception here");
    logback.stop();

    assertEquals(List.of(""), logback.dumpIdsInLog());
    assertTrue(OfflineDebug.open(logback.dumpDir()).list().isEmpty());
  }

  @Test
  void append_belowMinLevel_forwardsWithoutDump() throws IOException {
    logback.configure("logback-forward.xml"); // minLevel WARN
    Logger logger = logback.logger(OrderFailure.LOGGER);

    logger.info("retrying", OrderFailure.reject("C-3"));
    logger.warn("gave up", OrderFailure.reject("C-4"));
    logback.stop();

    List<String> ids = logback.dumpIdsInLog();
    assertEquals(2, ids.size(), ids.toString());
    assertEquals("", ids.get(0), "INFO is below minLevel WARN");
    assertFalse(ids.get(1).isEmpty(), "WARN reaches minLevel WARN");
    DumpStore store = OfflineDebug.open(logback.dumpDir());
    assertEquals("WARN", store.load(ids.get(1)).level());
    assertEquals(1, store.list().size());
  }

  private String logLineWith(String id) {
    return logback.logLines().stream().filter(l -> l.contains(id)).findFirst().orElseThrow();
  }

  static String single(List<String> ids) {
    assertEquals(1, ids.size(), "dump IDs in the log: " + ids);
    assertFalse(ids.get(0).isEmpty(), "the log line carries a dump ID");
    return ids.get(0);
  }
}
