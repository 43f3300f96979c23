package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.Failures;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;

/** Option values a user may write in {@code log4j2.xml}, read by Log4j2 itself. */
class AppenderOptionsTest {

  @Test
  void start_onlyMaxFileSizeBelowDefaultMaxDumpBytes_startsAndWritesDumps() throws Exception {
    Dump dump = logFailureAndLoadItsDump("log4j2-small-files.xml");

    assertEquals("order failed", dump.message());
  }

  @Test
  void append_redactRegexWithComma_redactsWhatTheWholeRegexMatches() throws Exception {
    ThreadContext.put("order", "ORD-123");
    Dump dump;
    try {
      dump = logFailureAndLoadItsDump("log4j2-redact-regex.xml");
    } finally {
      ThreadContext.clearMap();
    }

    assertEquals("<redacted>", dump.mdc().get("order"));
  }

  /**
   * Starts {@code config}, logs one failure on this thread and stops; asserts that nothing was
   * reported about the appender, and returns the dump whose ID the log line carries.
   */
  private static Dump logFailureAndLoadItsDump(String config) throws Exception {
    StatusMessages status = StatusMessages.register();
    Path dir;
    try (TestLogging logging = TestLogging.start(config, false)) {
      dir = logging.dir();
      logging.context().getLogger("shop.Orders").error("order failed", Failures.orderFailure());
    } finally {
      status.unregister();
    }
    assertEquals(List.of(), status.containing("Dumps"));
    return OfflineDebug.open(dir.resolve("dumps")).load(LogLines.onlyId(dir.resolve("app.log")));
  }
}
