package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes dumps into a store with the real writer, as the appenders do. */
final class StoreFixture implements AutoCloseable {
  private final DumpWriter writer;

  private StoreFixture(WriterSettings settings) throws IOException {
    this.writer = DumpWriter.open(settings, (message, cause) -> {
      throw new AssertionError("writer reported: " + message, cause);
    });
  }

  /** A store that writes every throwable (no dedup, no rate limit worth hitting). */
  static StoreFixture open(Path directory) throws IOException {
    return open(directory, WriterSettings.DEFAULT_MAX_FILE_SIZE, WriterSettings.DEFAULT_MAX_TOTAL_SIZE, Duration.ZERO);
  }

  /**
   * A store that dedups within five minutes (repeats become occurrences) and that the {@code upload}
   * option ships to {@code upload}.
   */
  static StoreFixture uploading(Path directory, URI upload) throws IOException {
    return new StoreFixture(new WriterSettings(directory, WriterSettings.DEFAULT_MAX_FILE_SIZE,
        WriterSettings.DEFAULT_MAX_TOTAL_SIZE, WriterSettings.DEFAULT_MAX_AGE, Duration.ofMinutes(5), 100_000, "cli-test",
        CaptureLimits.DEFAULTS, upload));
  }

  static StoreFixture open(Path directory, long maxFileSize, long maxTotalSize, Duration dedupWindow)
      throws IOException {
    return new StoreFixture(new WriterSettings(directory, maxFileSize, maxTotalSize, WriterSettings.DEFAULT_MAX_AGE,
        dedupWindow, 100_000, "cli-test", CaptureLimits.DEFAULTS));
  }

  /**
   * A store that dedups within five minutes and lets the repeats of each first dump take at most
   * {@code maxDumpBytes} (the budget of one dump), then only counts them.
   */
  static StoreFixture withRepeatBudget(Path directory, int maxDumpBytes) throws IOException {
    return new StoreFixture(new WriterSettings(directory, WriterSettings.DEFAULT_MAX_FILE_SIZE,
        WriterSettings.DEFAULT_MAX_TOTAL_SIZE, WriterSettings.DEFAULT_MAX_AGE, Duration.ofMinutes(5), 100_000,
        "cli-test", new CaptureLimits(4, 1024, 64, maxDumpBytes, List.of())));
  }

  /** Writes {@code thrown} as logged at ERROR by {@code logger} with {@code mdc}; returns its ID. */
  String write(Throwable thrown, String logger, String message, Map<String, String> mdc) {
    return write(thrown, Instant.now(), logger, message, mdc);
  }

  /** Writes {@code thrown} as logged at {@code time}; returns its ID. */
  String write(Throwable thrown, Instant time) {
    return write(thrown, time, "com.acme.shop.Checkout", "Checkout failed", Map.of());
  }

  private String write(Throwable thrown, Instant time, String logger, String message, Map<String, String> mdc) {
    LoggedEvent event = new LoggedEvent(time, logger, "ERROR", message, ThreadInfo.current(), mdc,
        List.of(), Map.of());
    String id = writer.write(thrown, event);
    assertNotNull(id, "the writer dropped a dump");
    return id;
  }

  String write(Throwable thrown) {
    return write(thrown, "com.acme.shop.Checkout", "Checkout failed", Map.of());
  }

  @Override
  public void close() {
    writer.close();
  }
}
