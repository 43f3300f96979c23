package dev.offlinedebug.agent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent tells the user: failures on standard error (the agent runs before any logging
 * framework and must not recurse into one), the first few only, and counters printed at exit when
 * {@code verbose=true}.
 */
final class AgentReport {
  private static final String PREFIX = "[offline-debug agent] ";
  private static final int MAX_FAILURES_SHOWN = 20;
  private static final AtomicInteger FAILURES_SHOWN = new AtomicInteger();

  static final LongAdder CLASSES_INSTRUMENTED = new LongAdder();
  static final LongAdder METHODS_INSTRUMENTED = new LongAdder();
  static final LongAdder HANDLERS = new LongAdder();
  static final LongAdder BYTES_ADDED = new LongAdder();
  static final LongAdder SKIPPED_TOO_LARGE = new LongAdder();
  static final LongAdder SKIPPED_INLINING = new LongAdder();
  static final LongAdder FAILURES = new LongAdder();

  static volatile boolean verbose;
  static volatile boolean started;

  private AgentReport() {}

  static void always(String message) {
    System.err.println(PREFIX + message);
  }

  /** A class the agent could not instrument: it is loaded unchanged. */
  static void failure(String className, Throwable cause) {
    FAILURES.increment();
    int shown = FAILURES_SHOWN.incrementAndGet();
    if (shown <= MAX_FAILURES_SHOWN || verbose) {
      always("left " + className + " unchanged: " + cause
          + (shown == MAX_FAILURES_SHOWN && !verbose ? " (further failures not shown)" : ""));
    }
  }

  /** Forgets what the warm-up instrumentation counted. */
  static void resetCounters() {
    for (LongAdder counter : new LongAdder[] {CLASSES_INSTRUMENTED, METHODS_INSTRUMENTED, HANDLERS,
        BYTES_ADDED, SKIPPED_TOO_LARGE, SKIPPED_INLINING, FAILURES}) {
      counter.reset();
    }
  }

  static void printStats() {
    always("classes=" + CLASSES_INSTRUMENTED.sum()
        + " methods=" + METHODS_INSTRUMENTED.sum()
        + " handlers=" + HANDLERS.sum()
        + " bytesAdded=" + BYTES_ADDED.sum()
        + " skippedTooLarge=" + SKIPPED_TOO_LARGE.sum()
        + " skippedInlining=" + SKIPPED_INLINING.sum()
        + " failures=" + FAILURES.sum());
  }
}
