package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.CaptureLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HotSpot's shared implicit exceptions are recognised as the JVM leaves them: an exact JDK
 * implicit-exception type with an empty stack trace. A real fast throw needs the JIT; the test
 * builds the same state.
 */
class FastThrowNoteTest {
  private final DumpCapture capture = new DumpCapture(CaptureLimits.DEFAULTS, "shop");

  @Test
  void capture_sharedImplicitExceptionSaysWhyNoFrames() {
    NullPointerException shared = new NullPointerException();
    shared.setStackTrace(new StackTraceElement[0]);

    ThrowableInfo info = capture.capture("od-1", shared, null).exception().throwables().get(0);

    assertEquals(List.of(), info.frames());
    assertEquals(StringValue.of(FastThrowNote.TEXT), info.fields().get(FastThrowNote.FIELD));
  }

  @Test
  void capture_implicitExceptionWithTraceOrSubclassNotNoted() {
    ArithmeticException withTrace = new ArithmeticException("/ by zero");
    ArithmeticException subclass = new ArithmeticException() {};
    subclass.setStackTrace(new StackTraceElement[0]);

    for (Throwable thrown : List.of(withTrace, subclass)) {
      ThrowableInfo info = capture.capture("od-1", thrown, null).exception().throwables().get(0);
      assertFalse(info.fields().containsKey(FastThrowNote.FIELD), thrown::toString);
    }
  }
}
