package dev.offlinedebug.spi;

/**
 * Where a {@link DumpWriter} reports problems (unwritable directory, full disk, dropped dumps): the
 * appenders route it to the host framework's status channel (Logback {@code addError}, Log4j2 {@code
 * StatusLogger}), never to a logger.
 */
@FunctionalInterface
public interface StatusListener {
  /** Reports one problem; {@code cause} may be null. Must not throw and must not log. */
  void report(String message, Throwable cause);

  /** Discards every report. */
  StatusListener IGNORE = (message, cause) -> {};
}
