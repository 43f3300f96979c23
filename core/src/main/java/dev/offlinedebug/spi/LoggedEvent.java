package dev.offlinedebug.spi;

import dev.offlinedebug.model.ThreadInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The logging event a throwable came with, as the integrations (appenders, JUnit, {@code save}) hand
 * it to the capture. Framework-neutral, so core never depends on a logging framework.
 *
 * @param time when the event was created; never null
 * @param logger or {@code null}
 * @param level or {@code null}
 * @param message the formatted message, or {@code null}
 * @param thread the thread that logged (not the one an async appender runs on); never null
 * @param mdc never null
 * @param markers never null
 * @param attributes further context, e.g. a test's unique ID; never null
 */
public record LoggedEvent(
    Instant time,
    String logger,
    String level,
    String message,
    ThreadInfo thread,
    Map<String, String> mdc,
    List<String> markers,
    Map<String, String> attributes) {

  public LoggedEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(thread, "thread");
    mdc = Map.copyOf(mdc);
    markers = List.copyOf(markers);
    attributes = Map.copyOf(attributes);
  }

  /** An event with no logger, level or message, logged now on the calling thread. */
  public static LoggedEvent standalone() {
    return new LoggedEvent(
        Instant.now(), null, null, null, ThreadInfo.current(), Map.of(), List.of(), Map.of());
  }
}
