package dev.offlinedebug.log4j2;

import static dev.offlinedebug.log4j2.DumpAssertions.assertEvent;
import static dev.offlinedebug.log4j2.DumpAssertions.assertThrowable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each test logs a real exception through a real configuration, reads the ID from the log, loads the dump. */
class OfflineDebugAppenderTest {
  private static final String LOGGER = "shop.Orders";

  @AfterEach
  void clearThreadContext() {
    ThreadContext.clearAll();
  }

  /** Sync loggers, an AsyncAppender in front, all loggers async: the dump keeps the logging thread. */
  @ParameterizedTest(name = "{0}, all async {1}")
  @CsvSource({"log4j2-sync.xml, false", "log4j2-async-appender.xml, false", "log4j2-sync.xml, true"})
  void append_anyLoggerKind_forwardsIdAndDumpKeepsLoggingThread(String config, boolean allAsync) throws Exception {
    try (TestLogging logging = TestLogging.start(config, allAsync)) {
      assertLoggedAndDumped(logging.context(), logging.dir());
    }
  }

  @Test
  @Log4jConfig("log4j2-json.xml")
  void append_jsonTemplateLayout_putsIdInField(LoggerContext context, Path dir) throws Exception {
    IllegalStateException failure = Failures.orderFailure();
    ThreadContext.put("orderId", "42");

    context.getLogger(LOGGER).error("order 42 failed", failure);
    context.stop();

    String json = Files.readString(dir.resolve("app.json"));
    String id = LogLines.onlyId(dir.resolve("app.json"));
    Matcher converter = Pattern.compile("\"converterDumpId\":\"([^\"]*)\"").matcher(json);
    assertEquals(id, converter.find() ? converter.group(1) : null, json);
    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(id);
    assertThrowable(failure, dump);
    assertEvent(dump, LOGGER, "ERROR", Thread.currentThread().getName(), "order 42 failed", Map.of("orderId", "42"));
  }

  @Test
  @Log4jConfig("log4j2-sync.xml")
  void append_sameThrowableLoggedTwice_reusesDump(LoggerContext context, Path dir) throws Exception {
    IllegalStateException failure = Failures.orderFailure();
    Logger logger = context.getLogger(LOGGER);

    logger.error("caught", failure);
    logger.error("caught again after rethrow", failure);
    context.stop();

    List<String> ids = LogLines.ids(dir.resolve("app.log"));
    assertEquals(2, ids.size());
    assertFalse(ids.get(0).isEmpty());
    assertEquals(ids.get(0), ids.get(1));
    assertEquals(1, OfflineDebug.open(dir.resolve("dumps")).list().size());
  }

  @Test
  @Log4jConfig("log4j2-sync.xml")
  void append_belowMinLevelOrWithoutThrowable_forwardsWithoutId(LoggerContext context, Path dir) throws Exception {
    Logger logger = context.getLogger(LOGGER);

    logger.warn("only a warning", Failures.orderFailure());
    logger.error("no throwable");
    context.stop();

    assertEquals(List.of("", ""), LogLines.ids(dir.resolve("app.log")));
    assertFalse(Files.exists(dir.resolve("dumps")) && !OfflineDebug.open(dir.resolve("dumps")).list().isEmpty());
  }

  @Test
  @Log4jConfig("log4j2-sync.xml")
  void append_targetRendersLocation_forwardsCallerLocation(LoggerContext context, Path dir) throws Exception {
    logOrderFailure(context.getLogger(LOGGER));
    context.stop();

    String log = Files.readString(dir.resolve("app.log"));
    assertTrue(log.contains(" order failed (logOrderFailure)"), log);
  }

  private static void logOrderFailure(Logger logger) {
    logger.error("order failed", Failures.orderFailure());
  }

  /** Logs on a thread with a recognisable name, so a dump written on an appender thread must carry it. */
  private static void assertLoggedAndDumped(LoggerContext context, Path dir) throws Exception {
    IllegalStateException failure = Failures.orderFailure();
    String threadName = "checkout-" + System.nanoTime();
    Thread logging = new Thread(() -> {
      ThreadContext.put("orderId", "42");
      context.getLogger(LOGGER).error("order {} failed", 42, failure);
    }, threadName);
    logging.start();
    logging.join();
    context.stop();

    String id = LogLines.onlyId(dir.resolve("app.log"));
    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(id);
    assertEquals(id, dump.id());
    assertThrowable(failure, dump);
    assertEvent(dump, LOGGER, "ERROR", threadName, "order 42 failed", Map.of("orderId", "42"));
    assertEquals(logging.getId(), dump.thread().id());
  }
}
