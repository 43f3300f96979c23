package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** Misconfiguration, recursion, reconfiguration: the application keeps logging, nothing leaks. */
class RobustnessTest {

  @Test
  void start_badSizes_reportedOnceAndApplicationKeepsLogging() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "badSize-").toAbsolutePath();
    List<String> reports = startLogAndStop("log4j2-bad-size.xml", dir, "Dumps");

    assertEquals(List.of(
        "OfflineDebug appender 'Dumps': maxFileSize 'abc' is not in the expected format (<number>[KB|MB|GB])",
        "OfflineDebug appender 'Dumps': maxAge '7x' is not in the expected format (<number>[ms|s|m|h|d])"), reports);
    assertEquals(List.of("", ""), LogLines.ids(dir.resolve("app.log")));
    assertFalse(Files.exists(dir.resolve("dumps")));
  }

  @Test
  void start_badOptionOnForwardingAppender_reportedOnceAndItsAppenderRefsKeepLogging() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "badOptionForwarding-").toAbsolutePath();
    List<String> reports = startLogAndStop("log4j2-bad-size-forwarding.xml", dir, "Dumps");

    assertEquals(List.of("OfflineDebug appender 'Dumps': maxFileSize 'abc' is not in the expected format (<number>[KB|MB|GB])"), reports);
    assertEquals(List.of("", ""), LogLines.ids(dir.resolve("app.log")));
    assertFalse(Files.exists(dir.resolve("dumps")));
  }

  @Test
  void start_worldWritableDirectory_oneStatusLineWithoutStackTrace() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "worldWritable-").toAbsolutePath();
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    StatusMessages status = StatusMessages.register();
    try (TestLogging logging = TestLogging.startIn(dir, "log4j2-world-writable.xml", false)) {
      Logger logger = logging.context().getLogger("shop.Orders");
      logger.error("first", Failures.orderFailure());
      logger.error("second", Failures.orderFailure());
    } finally {
      status.unregister();
    }

    assertEquals(List.of("OfflineDebug appender 'Dumps': cannot write dumps to " + shared + ", dropping them until it"
        + " works again: refused because any user can write to it (rwxrwxrwx); remove write permission for others"
        + " (chmod o-w)"), status.containing("Dumps"));
    assertEquals(List.of(), status.thrownWith("Dumps"));
    assertEquals(List.of("", ""), LogLines.ids(dir.resolve("app.log")));
  }

  @Test
  void start_badRedactUnnamed_reportedOnceAndApplicationKeepsLogging() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "badRedactUnnamed-").toAbsolutePath();
    List<String> reports = startLogAndStop("log4j2-bad-redact-unnamed.xml", dir, "redactUnnamed");

    assertEquals(List.of("OfflineDebug appender 'Dumps': redactUnnamed 'maybe' is not in the expected format (true|false)"), reports);
    assertEquals(List.of("", ""), LogLines.ids(dir.resolve("app.log")));
  }

  @Test
  void append_directoryUncreatableAtStart_reportedOnceThenWrittenOnceItCanBeCreated() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "unwritable-").toAbsolutePath();
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a regular file where the store's parent directory should be");
    StatusMessages status = StatusMessages.register();
    try (TestLogging logging = TestLogging.startIn(dir, "log4j2-unwritable.xml", false)) {
      Logger logger = logging.context().getLogger("shop.Orders");
      logger.error("first", Failures.orderFailure());
      logger.error("second", Failures.orderFailure());
      Files.delete(blocker);
      logger.error("third", Failures.orderFailure());
    } finally {
      status.unregister();
    }

    assertEquals(List.of("OfflineDebug appender 'Dumps': cannot write dumps to " + dir.resolve("blocker/dumps")
        + ", dropping them until it works again: Not a directory"), status.containing("cannot write dumps"));
    assertEquals(List.of(), status.thrownWith("Dumps"));
    List<String> ids = LogLines.ids(dir.resolve("app.log"));
    assertEquals(List.of("", ""), ids.subList(0, 2));
    assertEquals(ids.get(2), OfflineDebug.open(dir.resolve("blocker/dumps")).load(ids.get(2)).id());
  }

  @Test
  @Log4jConfig("log4j2-sync.xml")
  void append_storeDirectoryDeletedMidRun_restoredReportedOnceAndEveryIdLoads(LoggerContext context, Path dir) throws Exception {
    StatusMessages status = StatusMessages.register();
    Logger logger = context.getLogger("shop.Orders");
    try {
      logger.error("before", Failures.orderFailure());
      Process rm = new ProcessBuilder("rm", "-rf", dir.resolve("dumps").toString()).inheritIO().start();
      assertEquals(0, rm.waitFor());
      for (int i = 0; i < 3; i++) {
        logger.error("after " + i, Failures.orderFailure());
      }
      context.stop();
    } finally {
      status.unregister();
    }

    List<String> ids = LogLines.ids(dir.resolve("app.log"));
    assertEquals(4, ids.size(), ids::toString);
    for (String id : ids) {
      assertEquals(id, OfflineDebug.open(dir.resolve("dumps")).load(id).id());
    }
    assertEquals(1, status.containing("was deleted while in use").size(), status.containing("")::toString);
  }

  /** Starts {@code config}, logs two failures, stops; returns the status messages containing {@code text}. */
  private static List<String> startLogAndStop(String config, Path dir, String text) throws Exception {
    StatusMessages status = StatusMessages.register();
    try (TestLogging logging = TestLogging.startIn(dir, config, false)) {
      Logger logger = logging.context().getLogger("shop.Orders");
      logger.error("first", Failures.orderFailure());
      logger.error("second", Failures.orderFailure());
    } finally {
      status.unregister();
    }
    return status.containing(text);
  }

  @Test
  @Log4jConfig("log4j2-recursion.xml")
  void dumpId_captureLogsOnSameThread_nestedEventDroppedWithoutRecursion(LoggerContext context, Path dir) throws Exception {
    Logger logger = context.getLogger("shop.Orders");
    SelfLoggingException failure = new SelfLoggingException(logger);

    logger.error("outer", failure);
    context.stop();

    assertTrue(failure.nestedLogCalls > 0, "the capture never read the message, so nothing re-entered");
    String id = LogLines.onlyId(dir.resolve("app.log"));
    assertEquals(1, OfflineDebug.open(dir.resolve("dumps")).list().size());
    assertEquals(SelfLoggingException.class.getName(), OfflineDebug.open(dir.resolve("dumps")).load(id).exception().root().type());
  }

  @Test
  @Log4jConfig("log4j2-sync.xml")
  void reconfigure_repeatedly_leaksNoFilesAndLosesNoDumps(LoggerContext context, Path dir) throws Exception {
    context.getLogger("shop.Orders").error("before", Failures.orderFailure());
    context.reconfigure();
    long openFiles = openFileCount();

    for (int i = 0; i < 5; i++) {
      context.getLogger("shop.Orders").error("round " + i, Failures.orderFailure());
      context.reconfigure();
    }

    assertTrue(openFileCount() <= openFiles + 1, "open files grew from " + openFiles + " to " + openFileCount());
    context.stop();
    assertEquals(List.of(), openFilesUnder(dir.resolve("dumps")), "stop() must release the store files");
    List<String> ids = LogLines.ids(dir.resolve("app.log"));
    assertEquals(6, ids.size());
    for (String id : ids) {
      assertEquals(id, OfflineDebug.open(dir.resolve("dumps")).load(id).id());
    }
  }

  private static List<Path> openFilesUnder(Path dir) throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(fd -> {
            try {
              return Files.readSymbolicLink(fd);
            } catch (java.io.IOException closedMeanwhile) {
              return Path.of("");
            }
          })
          .filter(target -> target.startsWith(dir))
          .toList();
    }
  }

  private static long openFileCount() throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** Logs whenever its message is read: the capture reading it re-enters logging on the same thread. */
  private static final class SelfLoggingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Logger logger;
    int nestedLogCalls;

    SelfLoggingException(Logger logger) {
      super("outer failure");
      this.logger = logger;
    }

    @Override
    public String getMessage() {
      nestedLogCalls++;
      logger.error("logged from inside the capture", new IllegalArgumentException("inner"));
      return super.getMessage();
    }
  }
}
