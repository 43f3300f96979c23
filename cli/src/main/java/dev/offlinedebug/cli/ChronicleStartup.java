package dev.offlinedebug.cli;

import dev.offlinedebug.spi.WireRuntime;
import java.io.IOException;
import java.time.Duration;

/**
 * Starts Chronicle Wire, which reads and writes the dumps, before a command touches the store.
 * While it initialises, Chronicle prints warnings straight to {@code System.err} on some JDKs (for
 * example that it cannot read the JDK's direct memory limit on JDK 25); they say nothing to a user
 * of the command, whose stderr is reserved for one-line errors, so they are discarded ({@link
 * WireRuntime#quietly}).
 */
final class ChronicleStartup {
  /** Generous: Chronicle takes about a second, longer on a busy machine. */
  private static final Duration READY_WITHIN = Duration.ofMinutes(2);

  private static boolean started;

  private ChronicleStartup() {}

  static synchronized void ensureStarted() throws IOException {
    if (started) {
      return;
    }
    Throwable problem = quietly(() -> WireRuntime.awaitReady(READY_WITHIN));
    if (problem != null) {
      throw new IOException("cannot start Chronicle Wire to read dumps: " + rootCause(problem), problem);
    }
  }

  /**
   * The innermost cause, which a class initialiser's failure hides behind an {@code
   * ExceptionInInitializerError}, and the fix when it is the JVM refusing {@code sun.misc.Unsafe}
   * (JDK 23 and later, with {@code --sun-misc-unsafe-memory-access=deny} or when that becomes the default).
   */
  private static String rootCause(Throwable problem) {
    Throwable root = problem;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] trace = root.getStackTrace();
    boolean unsafeDenied = root instanceof UnsupportedOperationException
        && trace.length > 0 && trace[0].getClassName().equals("sun.misc.Unsafe");
    return unsafeDenied
        ? root + ": the JVM denies sun.misc.Unsafe, which Chronicle Wire needs to read;"
            + " run java with --sun-misc-unsafe-memory-access=allow (./offline-debug does)"
        : root.toString();
  }

  /**
   * Runs {@code reading}, which starts Chronicle Wire itself only if it must decode a dump (a
   * listing does, for store files without a usable summary), with {@code System.err} discarded
   * meanwhile as in {@link #ensureStarted}. A problem it has comes back as its exception, printed
   * after.
   */
  static synchronized <T> T quietly(WireRuntime.Reading<T> reading) throws IOException {
    T result = WireRuntime.quietly(reading);
    started |= WireRuntime.isStarted();
    return result;
  }
}
