package dev.offlinedebug.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.EventAdapter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.MarkerNames;
import dev.offlinedebug.spi.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** Reads Logback's {@link ILoggingEvent} for the shared appender skeleton. */
enum LogbackEvents implements EventAdapter<ILoggingEvent> {
  INSTANCE;

  /** {@link ThreadInfo#id()} of a logging thread that is no longer the current one. */
  static final long UNKNOWN_THREAD_ID = -1;

  /**
   * The live throwable: Logback keeps it in a {@link ThrowableProxy} until the event is serialised
   * (a {@code LoggingEventVO} from a socket carries none, so it cannot be dumped).
   */
  @Override
  public Throwable thrown(ILoggingEvent event) {
    IThrowableProxy proxy = event.getThrowableProxy();
    return proxy instanceof ThrowableProxy live ? live.getThrowable() : null;
  }

  @Override
  public Severity severity(ILoggingEvent event) {
    return switch (event.getLevel().toInt()) {
      case Level.ERROR_INT -> Severity.ERROR;
      case Level.WARN_INT -> Severity.WARN;
      case Level.INFO_INT -> Severity.INFO;
      case Level.DEBUG_INT -> Severity.DEBUG;
      default -> Severity.TRACE;
    };
  }

  /**
   * Key-value pairs become the dump's attributes, rendered with {@code String.valueOf} as Logback's
   * own {@code %kvp} and {@code JsonEncoder} render them.
   */
  @Override
  public LoggedEvent toLoggedEvent(ILoggingEvent event) {
    return new LoggedEvent(
        event.getInstant(),
        event.getLoggerName(),
        event.getLevel().toString(),
        event.getFormattedMessage(),
        thread(event.getThreadName()),
        withoutNulls(mdc(event)),
        markerNames(event.getMarkerList()),
        attributes(event.getKeyValuePairs()));
  }

  /**
   * The event's MDC, never null: empty when its context has no MDC adapter (a {@code LoggerContext}
   * created by hand), where Logback itself throws instead of answering.
   */
  static Map<String, String> mdc(ILoggingEvent event) {
    try {
      Map<String, String> mdc = event.getMDCPropertyMap();
      return mdc == null ? Map.of() : mdc;
    } catch (RuntimeException noMdcAdapter) {
      return Map.of();
    }
  }

  /**
   * An asynchronous appender runs on another thread, and Logback records only the logging thread's
   * name: its ID and priority are known only while still on that thread.
   */
  private static ThreadInfo thread(String name) {
    Thread current = Thread.currentThread();
    if (name == null || name.equals(current.getName())) {
      return ThreadInfo.current();
    }
    return new ThreadInfo(name, UNKNOWN_THREAD_ID, false, 0);
  }

  private static Map<String, String> withoutNulls(Map<String, String> mdc) {
    if (mdc.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new HashMap<>(mdc.size() * 2);
    mdc.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }

  /** Each marker and the markers it references, each name once, in the order logged. */
  private static List<String> markerNames(List<Marker> markers) {
    if (markers == null || markers.isEmpty()) {
      return List.of();
    }
    return MarkerNames.of(markers, Marker::getName, LogbackEvents::references);
  }

  private static Iterable<Marker> references(Marker marker) {
    return marker.hasReferences() ? marker::iterator : List.of();
  }

  private static Map<String, String> attributes(List<KeyValuePair> pairs) {
    if (pairs == null || pairs.isEmpty()) {
      return Map.of();
    }
    Map<String, String> attributes = new HashMap<>(pairs.size() * 2);
    for (KeyValuePair pair : pairs) {
      if (pair.key != null) {
        attributes.put(pair.key, String.valueOf(pair.value));
      }
    }
    return attributes;
  }
}
