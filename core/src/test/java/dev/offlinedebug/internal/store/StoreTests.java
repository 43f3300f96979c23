package dev.offlinedebug.internal.store;

import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Settings and failures shared by the store tests. */
final class StoreTests {
  private StoreTests() {}

  static WriterSettings settings(Path dir, long maxFileSize, long maxTotalSize, Duration dedup, int perSecond) {
    return new WriterSettings(dir, maxFileSize, maxTotalSize, Duration.ofDays(7), dedup, perSecond, "test",
        CaptureLimits.DEFAULTS);
  }

  static WriterSettings noDedup(Path dir) {
    return settings(dir, WriterSettings.DEFAULT_MAX_FILE_SIZE, WriterSettings.DEFAULT_MAX_TOTAL_SIZE, Duration.ZERO,
        1_000_000);
  }

  /** A distinct failure per {@code n}: its fingerprint differs by the message-independent type. */
  static Throwable failure(int n) {
    return n % 2 == 0
        ? new IllegalStateException("failure " + n, new java.io.IOException("disk " + n))
        : new IllegalArgumentException("failure " + n);
  }

  /** A status listener that keeps every report. */
  static final class Reports implements StatusListener {
    final List<String> messages = new CopyOnWriteArrayList<>();
    /** The causes reported with a message, when there was one. */
    final List<Throwable> causes = new CopyOnWriteArrayList<>();

    @Override
    public void report(String message, Throwable cause) {
      messages.add(message);
      if (cause != null) {
        causes.add(cause);
      }
    }

    long count(String fragment) {
      return messages.stream().filter(m -> m.contains(fragment)).count();
    }
  }
}
