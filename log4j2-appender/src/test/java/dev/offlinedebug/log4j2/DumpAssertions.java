package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThrowableInfo;
import java.util.List;
import java.util.Map;

/** Checks a loaded dump against the live throwable and the event it was logged with. */
final class DumpAssertions {
  private DumpAssertions() {}

  static void assertThrowable(Throwable expected, Dump dump) {
    ThrowableInfo root = dump.exception().root();
    assertSame(expected, root);
    Throwable cause = expected.getCause();
    ThrowableInfo dumpedCause = dump.exception().cause(root).orElseThrow(() -> new AssertionError("cause missing"));
    assertSame(cause, dumpedCause);
  }

  private static void assertSame(Throwable expected, ThrowableInfo actual) {
    assertEquals(expected.getClass().getName(), actual.type());
    assertEquals(expected.getMessage(), actual.message());
    List<String> expectedFrames = java.util.Arrays.stream(expected.getStackTrace())
        .map(e -> e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber()).toList();
    List<String> actualFrames = actual.frames().stream().map(DumpAssertions::describe).toList();
    assertEquals(expectedFrames, actualFrames);
  }

  static void assertEvent(Dump dump, String logger, String level, String threadName, String message, Map<String, String> mdc) {
    assertEquals(logger, dump.logger());
    assertEquals(level, dump.level());
    assertEquals(threadName, dump.thread().name());
    assertEquals(message, dump.message());
    assertTrue(dump.mdc().entrySet().containsAll(mdc.entrySet()), () -> "mdc " + dump.mdc() + " lacks " + mdc);
  }

  private static String describe(FrameInfo f) {
    return f.className() + "." + f.methodName() + ":" + f.line();
  }
}
