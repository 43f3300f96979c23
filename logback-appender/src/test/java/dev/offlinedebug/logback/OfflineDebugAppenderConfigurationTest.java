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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad configuration is reported on Logback's status channel; the application keeps logging. */
class OfflineDebugAppenderConfigurationTest {

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  @Test
  void start_malformedSize_reportsErrorAndStaysStopped() {
    logback.configure("logback-bad-size.xml");

    assertReportedOnce("maxFileSize", "ten megabytes");
    assertKeepsLoggingWithoutDumps();
  }

  @Test
  void start_malformedRedactUnnamed_reportsErrorAndStaysStopped() {
    logback.configure("logback-bad-redact-unnamed.xml");

    assertReportedOnce("redactUnnamed 'maybe' is not in the expected format (true|false)");
    assertKeepsLoggingWithoutDumps();
  }

  @Test
  void start_unknownMinLevel_reportsErrorAndStaysStopped() {
    logback.configure("logback-bad-level.xml");

    assertReportedOnce("minLevel", "SEVERE-ISH");
    assertKeepsLoggingWithoutDumps();
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
    assertEquals(1, ours.size(), "errors: " + errors);
    assertTrue(ours.get(0).contains("Dumps"), "names the appender: " + ours.get(0));
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
    assertFalse(appender.isStarted(), "a misconfigured appender stays stopped");
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
