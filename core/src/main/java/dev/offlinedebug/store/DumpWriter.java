package dev.offlinedebug.store;

import dev.offlinedebug.capture.LoggedEvent;
import java.io.Closeable;

/**
 * Captures throwables and appends them to a rolling dump store: the one write path every
 * integration (appenders, converters, JUnit, {@code OfflineDebug.save}) goes through. Thread-safe;
 * nothing it does throws into the caller.
 */
public final class DumpWriter implements Closeable {

  private DumpWriter() {}

  /**
   * Opens (creating when missing) the store directory of {@code settings}; problems found later
   * (full disk, dropped dumps) go to {@code status}.
   */
  public static DumpWriter open(WriterSettings settings, StatusListener status)
      throws java.io.IOException {
    throw new UnsupportedOperationException("open");
  }

  /**
   * Captures {@code thrown} with the locals the agent recorded for it, and writes it, unless it was
   * written already (the same throwable object again, or the same failure inside the dedup window),
   * in which case the earlier dump's ID is returned and its occurrence counter bumped.
   *
   * @return the dump ID to render in the log line, or {@code null} when the dump was dropped (rate
   *     limit, unwritable disk); never throws
   */
  public String write(Throwable thrown, LoggedEvent event) {
    throw new UnsupportedOperationException("write");
  }

  /** Flushes and releases the store files. */
  @Override
  public void close() {}
}
