package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/** Bad configuration is reported on Logback's status channel; the application keeps logging. */
class OfflineDebugAppenderConfigurationTest {

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  @Test
  void start_malformedSize_reportsErrorOnceAndStartsWithoutDumps() {
    logback.configure("logback-bad-size.xml");

    assertReportedOnce("maxFileSize", "ten megabytes");
    assertKeepsLoggingWithoutDumps();
  }

  @Test
  void start_malformedRedactUnnamed_reportsErrorOnceAndStartsWithoutDumps() {
    logback.configure("logback-bad-redact-unnamed.xml");

    assertReportedOnce("redactUnnamed 'maybe' is not in the expected format (true|false)");
    assertKeepsLoggingWithoutDumps();
  }

  @Test
  void start_unknownMinLevel_reportsErrorOnceAndStartsWithoutDumps() {
    logback.configure("logback-bad-level.xml");

    assertReportedOnce("minLevel", "SEVERE-ISH");
    assertKeepsLoggingWithoutDumps();
  }

  /**
   * A stopped appender would pass nothing to its {@code <appender-ref>}s: the application would lose
   * its log lines. It starts without dumps instead and forwards every event, with no dump ID.
   */
  @Test
  void append_malformedSizeWithAppenderRef_forwardsEveryEventWithoutDumpId() {
    logback.configure("logback-bad-size-forwarding.xml");
    assertReportedOnce("maxFileSize", "ten megabytes");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);

    logger.info("started");
    logger.error("still logging", OrderFailure.reject("E-5"));
    logger.error("and again", OrderFailure.reject("E-6"));
    logback.stop();

    assertEquals(List.of("INFO  " + OrderFailure.LOGGER + " dump= mdc= - started",
            "ERROR " + OrderFailure.LOGGER + " dump= mdc= - still logging",
            "ERROR " + OrderFailure.LOGGER + " dump= mdc= - and again"),
        logback.logLines());
    assertEquals(List.of(), logback.statusMessages(Status.WARN), "no warning per event");
    assertFalse(Files.exists(logback.dumpDir()), "no store");
  }

  @Test
  void start_onlyMaxFileSizeBelowDefaultMaxDumpBytes_startsAndWritesDumps() throws Exception {
    logback.configure("logback-small-files.xml");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);

    logger.error("order failed", OrderFailure.reject("E-8"));
    logback.stop();

    assertEquals(List.of(), logback.statusMessages(Status.ERROR));
    String id = OfflineDebugAppenderTest.single(logback.dumpIdsInLog());
    assertEquals(id, OfflineDebug.open(logback.dumpDir()).load(id).id());
  }

  @Test
  void append_redactRegexWithComma_redactsWhatTheWholeRegexMatches() throws Exception {
    logback.configure("logback-redact-regex.xml");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);

    MDC.put("order", "ORD-123");
    try {
      logger.error("order failed", OrderFailure.reject("E-9"));
    } finally {
      MDC.remove("order");
    }
    logback.stop();

    assertEquals(List.of(), logback.statusMessages(Status.ERROR));
    String id = OfflineDebugAppenderTest.single(logback.dumpIdsInLog());
    assertEquals("<redacted>", OfflineDebug.open(logback.dumpDir()).load(id).mdc().get("order"));
  }

  @Test
  void start_worldWritableDirectory_oneStatusLineWithoutStackTrace() throws Exception {
    Files.createDirectory(logback.dumpDir());
    Files.setPosixFilePermissions(logback.dumpDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
    logback.configure("logback-world-writable.xml");

    assertKeepsLoggingWithoutDumps();

    List<Status> ours = logback.context().getStatusManager().getCopyOfStatusList().stream()
        .filter(status -> status.getMessage().contains("Dumps"))
        .toList();
    assertEquals(List.of("OfflineDebug appender 'Dumps': cannot write dumps to " + logback.dumpDir() + ", dropping them"
            + " until it works again: refused because any user can write to it (rwxrwxrwx); remove write permission"
            + " for others (chmod o-w)"),
        ours.stream().filter(status -> status.getLevel() == Status.ERROR).map(Status::getMessage).toList());
    assertTrue(ours.stream().allMatch(status -> status.getThrowable() == null), "no stack trace: " + ours);
  }

  @Test
  void append_directoryIsARegularFile_reportedOnceThenWrittenOnceRemoved() throws Exception {
    Path blocked = logback.root().resolve("not-a-directory");
    Files.writeString(blocked, "in the way");
    logback.configure("logback-unwritable.xml");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);

    logger.error("still logging", OrderFailure.reject("E-5"));
    logger.error("and again", OrderFailure.reject("E-6"));
    Files.delete(blocked);
    logger.error("writable again", OrderFailure.reject("E-7"));
    logback.stop();

    List<String> errors = logback.statusMessages(Status.ERROR);
    List<String> ours = errors.stream().filter(m -> m.contains("cannot write dumps to " + blocked)).toList();
    assertEquals(List.of("OfflineDebug appender 'Dumps': cannot write dumps to " + blocked
        + ", dropping them until it works again: Not a directory"), ours, "errors: " + errors);
    List<String> ids = logback.dumpIdsInLog();
    assertEquals(List.of("", ""), ids.subList(0, 2));
    assertEquals(ids.get(2), OfflineDebug.open(blocked).load(ids.get(2)).id());
  }

  @Test
  void convert_noAppenderInContext_writesToTheDirectoryItNames() throws Exception {
    logback.configure("logback-converter-only.xml");

    new OrderFailure().logAndAssertDump(logback, LogbackContext::dumpIdsInLog);

    assertTrue(logback.statusMessages(Status.ERROR).isEmpty(), "no configuration error");
  }

  @Test
  void convert_twoAppenders_bareDumpIdUsesTheFirstByName() throws Exception {
    logback.configure("logback-converter-two-appenders.xml");

    new OrderFailure().logAndAssertDump(logback, LogbackContext::dumpIdsInLog);

    Path beta = Path.of(logback.dumpDir() + "-beta");
    assertEquals(List.of(), OfflineDebug.open(beta).list(), "Beta, started last, gets nothing");
  }

  /** Exactly one error mentions every one of {@code fragments}, the appender's name among them. */
  private void assertReportedOnce(String... fragments) {
    List<String> errors = logback.statusMessages(Status.ERROR);
    List<String> ours =
        errors.stream().filter(m -> List.of(fragments).stream().allMatch(m::contains)).toList();
    assertEquals(1, ours.size(), "errors: " + errors);
    assertTrue(ours.get(0).contains("Dumps"), "names the appender: " + ours.get(0));
    Appender<?> appender = root().getAppender("Dumps");
    assertTrue(appender.isStarted(), "a misconfigured appender starts, writing no dumps");
  }

  private void assertKeepsLoggingWithoutDumps() {
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);

    logger.error("still logging", OrderFailure.reject("E-5"));
    logger.error("and again", OrderFailure.reject("E-6"));
    logback.stop();

    assertEquals(List.of("", ""), logback.dumpIdsInLog());
    assertTrue(logback.logLines().get(0).endsWith("- still logging"), logback.logLines().get(0));
  }

  private Logger root() {
    return logback.context().getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
