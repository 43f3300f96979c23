package dev.offlinedebug.capture;

import dev.offlinedebug.Dump;

/**
 * Turns a live throwable, the locals the agent recorded for it, and its logging event into an
 * immutable {@link Dump}: bounded by {@link CaptureLimits}, redacted, and without running user code.
 * Thread-safe.
 */
public final class DumpCapture {

  /**
   * @param limits bounds and redaction rules; never null
   * @param application the application name written into each dump, or {@code null}
   */
  public DumpCapture(CaptureLimits limits, String application) {
    throw new UnsupportedOperationException("DumpCapture");
  }

  /**
   * Captures {@code thrown}: the exception graph, the locals recorded for each throwable in it
   * ({@code UnwindRecorder.take}), host, pid, JVM and the event's data. Never throws: what cannot
   * be read becomes an {@code <unavailable>} value.
   *
   * @param id the ID the store assigned to this dump; never null
   */
  public Dump capture(String id, Throwable thrown, LoggedEvent event) {
    throw new UnsupportedOperationException("capture");
  }
}
