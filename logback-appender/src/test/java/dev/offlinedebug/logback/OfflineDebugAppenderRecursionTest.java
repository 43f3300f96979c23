package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging from inside a dump write (user code the capture runs, Chronicle's own logging) reaches the
 * same Logback context but never recurses into another dump.
 */
class OfflineDebugAppenderRecursionTest {

  private static final String NESTED = "logged while dumping";

  @RegisterExtension final LogbackContext logback = new LogbackContext();

  /**
   * The message argument's {@code toString} and the exception's {@code getMessage}/{@code toString}
   * log an exception of their own whenever offline-debug code calls them: the nested events are
   * logged without a dump, the outer one gets exactly one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"com.acme.Audit", "net.openhft.chronicle.wire.WireMarshaller"})
  void append_dumpingTriggersLogging_nestedEventsGetNoDump(String nestedLogger) throws IOException {
    logback.configure("logback-plain.xml");
    Logger nested = logback.logger(nestedLogger);

    logback
        .logger(OrderFailure.LOGGER)
        .error("outer {}", new ChattyArgument(nested), new ChattyException(nested));
    logback.stop();

    List<String> lines = logback.logLines();
    String outer = lines.stream().filter(l -> l.contains(" - outer ")).findFirst().orElseThrow();
    String id = OfflineDebugAppenderTest.single(List.of(dumpIdOf(outer)));
    List<String> nestedLines = lines.stream().filter(l -> l.contains(NESTED)).toList();
    assertFalse(nestedLines.isEmpty(), "dumping ran the chatty code: " + lines);
    for (String line : nestedLines) {
      assertEquals("", dumpIdOf(line), line);
    }
    DumpStore store = OfflineDebug.open(logback.dumpDir());
    assertEquals(ChattyException.class.getName(), store.load(id).exception().root().type());
    assertEquals(1, store.list().size(), "nested events get no dump");
  }

  /**
   * Configures the SLF4J default context, the one Chronicle's own SLF4J loggers log to, so that
   * whatever Chronicle logs while the store starts goes through the appender and the converter.
   */
  @Test
  void append_chronicleLogsThroughTheSameContext_oneDump() throws Exception {
    LoggerContext shared = (LoggerContext) LoggerFactory.getILoggerFactory();
    try {
      logback.configure(shared, "logback-plain.xml");
      new OrderFailure().logOn(shared.getLogger(OrderFailure.LOGGER));
      shared.stop();

      String id = OfflineDebugAppenderTest.single(logback.dumpIdsInLog().stream()
          .filter(s -> !s.isEmpty()).toList());
      DumpStore store = OfflineDebug.open(logback.dumpDir());
      assertEquals(1, store.list().size());
      assertEquals(OrderFailure.LOGGER, store.load(id).logger());
    } finally {
      logback.configure(shared, "logback-test.xml");
    }
  }

  private static String dumpIdOf(String line) {
    int start = line.indexOf(" dump=") + " dump=".length();
    return line.substring(start, line.indexOf(' ', start));
  }

  /** Whether the current call comes from offline-debug code rather than from Logback or the test. */
  private static boolean calledFromOfflineDebug() {
    String test = OfflineDebugAppenderRecursionTest.class.getName();
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getClassName)
                    .anyMatch(c -> c.startsWith("dev.offlinedebug.") && !c.startsWith(test)));
  }

  private static void logNestedFailure(Logger logger) {
    if (calledFromOfflineDebug()) {
      logger.error(NESTED, new IllegalArgumentException("nested"));
    }
  }

  /** A message argument whose {@code toString} logs. */
  private static final class ChattyArgument {
    private final Logger logger;

    ChattyArgument(Logger logger) {
      this.logger = logger;
    }

    @Override
    public String toString() {
      logNestedFailure(logger);
      return "argument";
    }
  }

  /** An exception whose {@code getMessage} and {@code toString} log. */
  private static final class ChattyException extends RuntimeException {
    private final transient Logger logger;

    ChattyException(Logger logger) {
      super("chatty");
      this.logger = logger;
    }

    @Override
    public String getMessage() {
      logNestedFailure(logger);
      return super.getMessage();
    }

    @Override
    public String toString() {
      logNestedFailure(logger);
      return super.toString();
    }
  }
}
