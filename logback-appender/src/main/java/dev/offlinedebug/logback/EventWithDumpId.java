package dev.offlinedebug.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The event an {@link OfflineDebugAppender} forwards to its appender references: the original event
 * with {@value OfflineDebugAppender#DUMP_ID_KEY} added to its MDC map. A view rather than a copy, so
 * that the original is never changed, the live throwable and lazily computed caller data stay
 * reachable, and an {@code AsyncAppender} behind can still prepare it for deferred processing.
 */
final class EventWithDumpId implements ILoggingEvent {
  private final ILoggingEvent event;
  private final Map<String, String> mdc;

  /** Reads the MDC of {@code event} now, so call this on the thread that logged or after the event was prepared. */
  EventWithDumpId(ILoggingEvent event, String dumpId) {
    this.event = event;
    Map<String, String> original = LogbackEvents.mdc(event);
    Map<String, String> withId = new HashMap<>(original.size() * 2 + 2);
    withId.putAll(original);
    withId.put(OfflineDebugAppender.DUMP_ID_KEY, dumpId);
    this.mdc = Collections.unmodifiableMap(withId);
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    return mdc;
  }

  @Override
  @SuppressWarnings("deprecation") // part of the interface: a few layouts still call it
  public Map<String, String> getMdc() {
    return mdc;
  }

  @Override
  public String getThreadName() {
    return event.getThreadName();
  }

  @Override
  public Level getLevel() {
    return event.getLevel();
  }

  @Override
  public String getMessage() {
    return event.getMessage();
  }

  @Override
  public Object[] getArgumentArray() {
    return event.getArgumentArray();
  }

  @Override
  public String getFormattedMessage() {
    return event.getFormattedMessage();
  }

  @Override
  public String getLoggerName() {
    return event.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return event.getLoggerContextVO();
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    return event.getThrowableProxy();
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return event.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return event.hasCallerData();
  }

  @Override
  public List<Marker> getMarkerList() {
    return event.getMarkerList();
  }

  @Override
  public long getTimeStamp() {
    return event.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return event.getNanoseconds();
  }

  @Override
  public Instant getInstant() {
    return event.getInstant();
  }

  @Override
  public long getSequenceNumber() {
    return event.getSequenceNumber();
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    return event.getKeyValuePairs();
  }

  @Override
  public void prepareForDeferredProcessing() {
    event.prepareForDeferredProcessing();
  }

  @Override
  public String toString() {
    return event.toString();
  }
}
