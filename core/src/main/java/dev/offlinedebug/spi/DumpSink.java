package dev.offlinedebug.spi;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where an appender or a converter turns a logged throwable into a dump ID: a shared writer (which
 * gives one throwable one dump) and the minimum level. Converters of either framework obtain one
 * with {@link #forDirectory} or from their framework's configured appender. Thread-safe; never
 * throws.
 *
 * @since 0.1
 */
public final class DumpSink {
  final SharedWriter shared;
  private final Severity minLevel;
  private final StatusListener status;
  private volatile boolean open = true;

  DumpSink(SharedWriter shared, Severity minLevel, StatusListener status) {
    this.shared = shared;
    this.minLevel = minLevel;
    this.status = status;
  }

  /**
   * The sink a {@code %dumpId} converter should use for {@code directory}: that of the most recently
   * started appender writing there, otherwise one with the default options that stays open until the
   * JVM exits (minimum level {@link DumpOptions#DEFAULT_MIN_LEVEL}).
   *
   * @param status where a directory that cannot be opened is reported
   * @return {@code null} when the directory cannot be opened
   */
  public static DumpSink forDirectory(Path directory, StatusListener status) {
    return OpenSinks.forDirectory(directory, status);
  }

  /** Whether dumps are still written through this sink (its appender has not been stopped). */
  public boolean isOpen() {
    return open;
  }

  /** The store directory, absolute and normalised; never null. */
  public Path directory() {
    return shared.settings.directory();
  }

  /**
   * The dump ID for {@code thrown} logged at {@code level}: the ID of the dump written for this
   * throwable already, else the ID of a dump written now. The event is built only when a dump is
   * written. Nested calls on a thread that is already inside an appender or converter of ours return
   * {@code null} without writing.
   *
   * @param thrown may be null (then the result is null)
   * @return the ID, or {@code null} when there is no throwable, the level is below {@code minLevel},
   *     the sink is closed, the call is nested, or the dump was dropped
   */
  public String dumpId(Throwable thrown, Severity level, Supplier<LoggedEvent> event) {
    if (!ReentryGuard.enter()) {
      return null;
    }
    try {
      return dumpIdInsideGuard(thrown, level, event);
    } finally {
      ReentryGuard.exit();
    }
  }

  /** As {@link #dumpId}, for a caller that holds the {@link ReentryGuard} already. */
  String dumpIdInsideGuard(Throwable thrown, Severity level, Supplier<LoggedEvent> event) {
    if (!open || thrown == null || !level.atLeast(minLevel)) {
      return null;
    }
    try {
      return shared.writer.dumpId(thrown, event);
    } catch (Throwable e) {
      // DumpWriter promises not to throw; a capture bug must still not reach the application.
      status.report("dump of " + thrown.getClass().getName() + " failed: " + e, e);
      return null;
    }
  }

  /** Stops writing through this sink and releases its writer (closed when no other sink shares it). */
  synchronized void close() {
    if (open) {
      open = false;
      OpenSinks.release(this);
    }
  }
}
