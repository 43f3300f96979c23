package dev.offlinedebug.log4j2;

import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.EventAdapter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.MarkerNames;
import dev.offlinedebug.spi.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.spi.StandardLevel;

/** Reads Log4j2 events for the shared appender core. Stateless. */
enum Log4jEvents implements EventAdapter<LogEvent> {
  INSTANCE;

  @Override
  public Throwable thrown(LogEvent event) {
    return event.getThrown();
  }

  @Override
  public Severity severity(LogEvent event) {
    // Custom levels fall into the standard level at or below their severity.
    int level = event.getLevel().intLevel();
    if (level <= StandardLevel.FATAL.intLevel()) {
      return Severity.FATAL;
    } else if (level <= StandardLevel.ERROR.intLevel()) {
      return Severity.ERROR;
    } else if (level <= StandardLevel.WARN.intLevel()) {
      return Severity.WARN;
    } else if (level <= StandardLevel.INFO.intLevel()) {
      return Severity.INFO;
    } else if (level <= StandardLevel.DEBUG.intLevel()) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  @Override
  public LoggedEvent toLoggedEvent(LogEvent event) {
    org.apache.logging.log4j.core.time.Instant at = event.getInstant();
    return new LoggedEvent(
        Instant.ofEpochSecond(at.getEpochSecond(), at.getNanoOfSecond()),
        event.getLoggerName(),
        event.getLevel().name(),
        event.getMessage() == null ? null : event.getMessage().getFormattedMessage(),
        thread(event),
        contextData(event),
        markers(event.getMarker()),
        Map.of());
  }

  /** The thread that logged; an async appender or async logger runs us on another one. */
  private static ThreadInfo thread(LogEvent event) {
    Thread current = Thread.currentThread();
    // Log4j2 does not record whether the logging thread was a daemon; only the current thread can tell.
    boolean daemon = current.getId() == event.getThreadId() && current.isDaemon();
    String name = event.getThreadName();
    return new ThreadInfo(name == null ? "" : name, event.getThreadId(), daemon, event.getThreadPriority());
  }

  private static Map<String, String> contextData(LogEvent event) {
    Map<String, String> data = event.getContextData().toMap();
    data.values().removeIf(java.util.Objects::isNull);
    return data;
  }

  /** The marker and its parents, each name once, the event's own marker first. */
  private static List<String> markers(Marker marker) {
    return MarkerNames.of(
        marker == null ? List.of() : List.of(marker),
        Marker::getName,
        m -> m.hasParents() ? Arrays.asList(m.getParents()) : List.of());
  }
}
