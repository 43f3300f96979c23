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
    StatusMessages status = StatusMessages.register();
    Path dir;
    try (TestLogging logging = TestLogging.start("log4j2-small-files.xml", false)) {
      dir = logging.dir();
      logging.context().getLogger("shop.Orders").error("order failed", Failures.orderFailure());
    } finally {
      status.unregister();
    }

    assertEquals(List.of(), status.containing("Dumps"));
    String id = LogLines.onlyId(dir.resolve("app.log"));
    assertEquals(id, OfflineDebug.open(dir.resolve("dumps")).load(id).id());
  }

  @Test
  void append_redactRegexWithComma_redactsWhatTheWholeRegexMatches() throws Exception {
    StatusMessages status = StatusMessages.register();
    Path dir;
    try (TestLogging logging = TestLogging.start("log4j2-redact-regex.xml", false)) {
      dir = logging.dir();
      ThreadContext.put("order", "ORD-123");
      try {
        logging.context().getLogger("shop.Orders").error("order failed", Failures.orderFailure());
      } finally {
        ThreadContext.clearMap();
      }
    } finally {
      status.unregister();
    }

    assertEquals(List.of(), status.containing("Dumps"));
    Dump dump = OfflineDebug.open(dir.resolve("dumps")).load(LogLines.onlyId(dir.resolve("app.log")));
    assertEquals("<redacted>", dump.mdc().get("order"));
  }
}
