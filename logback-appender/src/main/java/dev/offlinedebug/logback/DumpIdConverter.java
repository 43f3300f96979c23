package dev.offlinedebug.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.offlinedebug.appender.DumpOptions;
import dev.offlinedebug.appender.DumpSink;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

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
 * (the one named by the option, {@code %dumpId{Dumps}}, else the one started last), which writes the
 * dump unless the appender or another converter did already, so that the log line and the store
 * agree whichever runs first; a misconfigured appender gives empty IDs. With no such appender in the
 * context it writes to the directory the option names ({@code %dumpId{logs/dumps}}, default {@value
 * DumpOptions#DEFAULT_DIRECTORY}) with default options, as the Log4j2 converter does.
 *
 * @since 0.1
 */
public class DumpIdConverter extends ClassicConverter {
  private String option;
  private volatile DumpSink directorySink;
  /** Set once opening the directory failed, so that the failure is reported once, not per event. */
  private volatile boolean directoryUnavailable;

  @Override
  public void start() {
    String first = getFirstOption();
    option = first == null || first.isBlank() ? null : first.trim();
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
    OfflineDebugAppender appender = registry == null ? null : registry.find(option);
    if (appender != null) {
      return appender.dumpId(event);
    }
    DumpSink sink = directorySink();
    LogbackEvents events = LogbackEvents.INSTANCE;
    return sink == null
        ? null
        : sink.dumpId(events.thrown(event), events.severity(event), () -> events.toLoggedEvent(event));
  }

  private DumpSink directorySink() {
    DumpSink sink = directorySink;
    return sink != null || directoryUnavailable ? sink : openDirectorySink();
  }

  private synchronized DumpSink openDirectorySink() {
    if (directorySink == null && !directoryUnavailable) {
      try {
        Path dir = Path.of(option != null ? option : DumpOptions.DEFAULT_DIRECTORY);
        directorySink = DumpSink.forDirectory(dir, (message, cause) -> addError("%dumpId: " + message, cause));
      } catch (InvalidPathException e) {
        addError("%dumpId{" + option + "} names no OfflineDebugAppender and no valid directory: " + e.getReason());
      }
      directoryUnavailable = directorySink == null;
    }
    return directorySink;
  }
}
