package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Fingerprint#same} says two graphs have the same fingerprint exactly when their texts are
 * equal, for the shapes the text depends on: types, top frames, the cause chain, cycles, its cap.
 */
class FingerprintTest {
  private static final StackTraceElement[] FRAMES = frames("com.acme.Orders", 40, 5);

  @Test
  void same_agreesWithTheText() {
    List<ThrowableGraph> graphs = List.of(
        graph(failure("order 1", FRAMES, cause(FRAMES))),
        graph(failure("order 2, another message", FRAMES, cause(FRAMES))),
        graph(failure("order 1", FRAMES, null)),
        graph(failure("order 1", frames("com.acme.Orders", 41, 5), cause(FRAMES))),
        graph(failure("order 1", Arrays.copyOf(FRAMES, 2), cause(FRAMES))),
        graph(failure("order 1", Arrays.copyOfRange(FRAMES, 0, 4), cause(FRAMES))),
        graph(failure("order 1", FRAMES, new IOException("other type"))),
        graph(cycle()),
        graph(chain(Fingerprint.CAUSES)),
        graph(chain(Fingerprint.CAUSES + 3)));
    for (ThrowableGraph a : graphs) {
      for (ThrowableGraph b : graphs) {
        assertEquals(Fingerprint.of(a).equals(Fingerprint.of(b)), Fingerprint.same(a, b),
            Fingerprint.of(a) + " / " + Fingerprint.of(b));
      }
    }
  }

  @Test
  void lastFingerprint_builtAgainOnlyWhenItDiffers() {
    LastFingerprint last = new LastFingerprint();
    byte[] first = last.of(graph(failure("order 1", FRAMES, cause(FRAMES))));
    assertArrayEquals(Fingerprint.of(graph(failure("x", FRAMES, cause(FRAMES)))).getBytes(StandardCharsets.UTF_8), first);
    assertTrue(first == last.of(graph(failure("order 2", FRAMES, cause(FRAMES)))), "the same bytes again");
    ThrowableGraph other = graph(failure("order 1", FRAMES, null));
    assertArrayEquals(Fingerprint.of(other).getBytes(StandardCharsets.UTF_8), last.of(other));
    assertFalse(Fingerprint.same(graph(failure("order 1", FRAMES, cause(FRAMES))), other));
  }

  private static ThrowableGraph graph(Throwable thrown) {
    return new DumpCapture(CaptureLimits.DEFAULTS, null).capture("od-test", thrown, LoggedEvent.standalone()).exception();
  }

  private static IllegalStateException failure(String message, StackTraceElement[] frames, Throwable cause) {
    IllegalStateException failure = new IllegalStateException(message, cause);
    failure.setStackTrace(frames);
    return failure;
  }

  private static Throwable cause(StackTraceElement[] frames) {
    ArithmeticException cause = new ArithmeticException("/ by zero");
    cause.setStackTrace(Arrays.copyOf(frames, 3));
    return cause;
  }

  /** A throwable that is its cause's cause. */
  private static Throwable cycle() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    a.setStackTrace(FRAMES);
    b.setStackTrace(FRAMES);
    return a;
  }

  /** {@code length} throwables, each the cause of the one before. */
  private static Throwable chain(int length) {
    Throwable t = null;
    for (int i = 0; i < length; i++) {
      t = failure("level " + i, FRAMES, t);
    }
    return t;
  }

  private static StackTraceElement[] frames(String type, int firstLine, int count) {
    StackTraceElement[] frames = new StackTraceElement[count];
    for (int i = 0; i < count; i++) {
      frames[i] = new StackTraceElement(type + i, "handle" + i, "Orders.java", firstLine + i);
    }
    return frames;
  }
}
