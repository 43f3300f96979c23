package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** stop() releases the store; reconfiguration (re-running Joran, {@code scan}) leaks no files. */
class OfflineDebugAppenderLifecycleTest {

  private static final int RECONFIGURATIONS = 8;

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  @Test
  void stop_afterDumps_releasesEveryFile() {
    logback.configure("logback-plain.xml");
    logback.logger(OrderFailure.LOGGER).error("failed", OrderFailure.reject("F-1"));
    Appender<?> appender = root(logback.context()).getAppender("Dumps");

    logback.stop();

    assertFalse(appender.isStarted());
    assertEquals(0, logback.openFilesBelowRoot(), "store and log files closed");
  }

  /**
   * The idiom {@code catch (InterruptedException e) { Thread.currentThread().interrupt(); log.error(..., e); }}
   * and Logback's {@code AsyncAppender}, whose stop interrupts its worker while it flushes: an
   * interrupted thread still gets its dump, keeps its interrupt status, and leaves the store
   * writable for the next dump.
   */
  @Test
  void append_onInterruptedThread_writesDumpAndKeepsInterruptStatus() throws Exception {
    logback.configure("logback-plain.xml");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);
    boolean[] stillInterrupted = new boolean[1];

    Thread worker =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              logger.error("interrupted while waiting", new InterruptedException("shutting down"));
              stillInterrupted[0] = Thread.currentThread().isInterrupted();
            });
    worker.start();
    worker.join();
    logger.error("afterwards", OrderFailure.reject("I-1"));
    logback.stop();

    assertTrue(stillInterrupted[0], "the interrupt status is the application's");
    List<String> ids = logback.dumpIdsInLog();
    assertEquals(2, ids.size(), ids.toString());
    DumpStore store = OfflineDebug.open(logback.dumpDir());
    assertEquals(InterruptedException.class.getName(), store.load(ids.get(0)).exception().root().type());
    assertEquals(IllegalStateException.class.getName(), store.load(ids.get(1)).exception().root().type());
  }

  @Test
  void configure_repeatedOnOneContext_leaksNoFilesAndLosesNoDumps() throws IOException {
    LoggerContext context = logback.configure("logback-plain.xml");
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);
    logger.error("configuration 0", OrderFailure.reject("G-0"));
    long openAfterFirst = logback.openFilesBelowRoot();

    for (int i = 1; i <= RECONFIGURATIONS; i++) {
      logback.configure(context, "logback-plain.xml");
      logger.error("configuration " + i, OrderFailure.reject("G-" + i));
    }

    assertTrue(
        logback.openFilesBelowRoot() <= openAfterFirst,
        logback.openFilesBelowRoot() + " files open after reconfiguring, " + openAfterFirst + " before");
    logback.stop();
    assertEquals(0, logback.openFilesBelowRoot());
    assertEveryIdInTheLogLoads(RECONFIGURATIONS + 1);
  }

  @Test
  void scan_configurationFileChanged_replacesAppenderWithoutLeakingFiles() throws Exception {
    Path config = logback.root().resolve("logback.xml");
    writeScannedConfig(config, "first");
    LoggerContext context = logback.configure(config.toUri().toURL());
    org.slf4j.Logger logger = logback.logger(OrderFailure.LOGGER);
    logger.error("before the change", OrderFailure.reject("H-1"));
    Appender<?> before = root(context).getAppender("Dumps");
    long openBefore = logback.openFilesBelowRoot();

    // One atomic change with a clearly newer time, so that scan reconfigures exactly once.
    Path edited = logback.root().resolve("logback.xml.new");
    writeScannedConfig(edited, "second");
    Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plusSeconds(5)));
    Files.move(edited, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Appender<?> after = awaitNewAppender(context, before);
    logger.error("after the change", OrderFailure.reject("H-2"));

    assertFalse(before.isStarted(), "the replaced appender was stopped");
    assertTrue(after.isStarted());
    assertTrue(logback.openFilesBelowRoot() <= openBefore, "files of the old appender released");
    logback.stop();
    assertEveryIdInTheLogLoads(2);
  }

  /** Logback clears context properties on reset, so the scanned file names its paths literally. */
  private void writeScannedConfig(Path config, String generation) throws IOException {
    String text;
    try (var in = getClass().getClassLoader().getResourceAsStream("logback-scan.xml")) {
      text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
    text =
        text.replace("${dumpDir}", logback.dumpDir().toString())
            .replace("${logFile}", logback.logFile().toString())
            .replace("<configuration ", "<!-- generation " + generation + " -->\n<configuration ");
    Files.writeString(config, text);
  }

  /** Waits (bounded) for {@code scan} to replace the appender {@code before}. */
  private static Appender<?> awaitNewAppender(LoggerContext context, Appender<?> before)
      throws InterruptedException {
    for (int i = 0; i < 1_000; i++) {
      Appender<?> current = root(context).getAppender("Dumps");
      if (current != null && current != before && current.isStarted()) {
        return current;
      }
      Thread.sleep(20);
    }
    Appender<?> current = root(context).getAppender("Dumps");
    assertNotSame(before, current, "scan did not reconfigure the context");
    return current;
  }

  private void assertEveryIdInTheLogLoads(int expected) throws IOException {
    List<String> ids = logback.dumpIdsInLog();
    assertEquals(expected, ids.size(), ids.toString());
    DumpStore store = OfflineDebug.open(logback.dumpDir());
    for (String id : ids) {
      assertFalse(id.isEmpty(), "every line carries an ID: " + ids);
      assertEquals(IllegalStateException.class.getName(), store.load(id).exception().root().type());
    }
  }

  private static Logger root(LoggerContext context) {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
