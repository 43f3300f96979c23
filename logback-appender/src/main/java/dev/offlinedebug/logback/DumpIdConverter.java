package dev.offlinedebug.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.offlinedebug.spi.ConverterStore;
import dev.offlinedebug.spi.DumpSink;

/**
 * Renders the event's dump ID in a pattern layout; empty when the event has no throwable or gets no
 * dump. Register it in {@code logback.xml}, then use {@code %dumpId}:
 *
 * <pre>{@code
 * <conversionRule conversionWord="dumpId" converterClass="dev.offlinedebug.logback.DumpIdConverter"/>
 * }</pre>
 *
 * <p>On an event forwarded by an {@link OfflineDebugAppender} it renders the ID from MDC key {@value
 * OfflineDebugAppender#DUMP_ID_KEY}. Otherwise it asks the context's {@code OfflineDebugAppender}
 * chosen as {@link ConverterStore} says, the same rule as Log4j2's converter (the one named by the
 * option, {@code %dumpId{Dumps}}, else the first by name), which writes the dump unless the appender
 * or another converter did already, so that the log line and the store agree whichever runs first;
 * a misconfigured appender gives empty IDs. With no such appender in the context it writes to the
 * directory the option names ({@code %dumpId{logs/dumps}}, default {@code logs/dumps}) with default
 * options.
 *
 * @since 0.1
 */
public class DumpIdConverter extends ClassicConverter {
  private ConverterStore store;

  @Override
  public void start() {
    store = new ConverterStore(getFirstOption(), (message, cause) -> addError("%dumpId: " + message, cause));
    super.start();
  }

  @Override
  public String convert(ILoggingEvent event) {
    if (event.getThrowableProxy() == null) {
      return "";
    }
    String forwarded = LogbackEvents.mdc(event).get(OfflineDebugAppender.DUMP_ID_KEY);
    if (forwarded != null) {
      return forwarded;
    }
    String id = dumpId(event);
    return id == null ? "" : id;
  }

  /** Looks the appender up per event: appenders start after layouts and restart on reconfiguration. */
  private String dumpId(ILoggingEvent event) {
    ConfiguredAppenders registry = ConfiguredAppenders.find(getContext());
    OfflineDebugAppender appender =
        registry == null ? null : store.chooseAppender(registry.appenders(), OfflineDebugAppender::getName);
    if (appender != null) {
      return appender.dumpId(event);
    }
    DumpSink sink = store.directorySink();
    LogbackEvents events = LogbackEvents.INSTANCE;
    return sink == null
        ? null
        : sink.dumpId(events.thrown(event), events.severity(event), () -> events.toLoggedEvent(event));
  }
}
