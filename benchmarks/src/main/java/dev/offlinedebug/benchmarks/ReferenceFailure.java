package dev.offlinedebug.benchmarks;

import java.util.Arrays;

/**
 * The reference exception of the appender benchmarks: an {@link IllegalStateException} with 20
 * frames and an {@link ArithmeticException} cause of 5 frames. {@link #next()} makes a new throwable
 * per call, as production does, with the same fingerprint every time.
 */
final class ReferenceFailure {
  private static final int FRAMES = 20;

  private final StackTraceElement[] frames = new StackTraceElement[FRAMES];
  private final Throwable cause = new ArithmeticException("/ by zero");

  ReferenceFailure() {
    for (int i = 0; i < FRAMES; i++) {
      frames[i] =
          new StackTraceElement("com.acme.orders.Layer" + i, "handle" + i, "Layer" + i + ".java", 40 + i);
    }
    cause.setStackTrace(Arrays.copyOf(frames, 5));
  }

  /** A new failure with the reference stack. */
  IllegalStateException next() {
    IllegalStateException failure = new IllegalStateException("order 42 failed", cause);
    failure.setStackTrace(frames);
    return failure;
  }
}
