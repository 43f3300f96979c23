package dev.offlinedebug.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/**
 * Renders the event's dump ID in a pattern layout; empty when the event has no throwable or gets no
 * dump. Register it in {@code logback.xml} and use {@code %dumpId}, or {@code %dumpId{Dumps}} to name
 * the {@link OfflineDebugAppender} whose store it writes to (by default the one started last):
 *
 * <pre>{@code
 * <conversionRule conversionWord="dumpId" converterClass="dev.offlinedebug.logback.DumpIdConverter"/>
 * }</pre>
 *
 * <p>On an event forwarded by the appender it renders the ID from MDC key {@value
 * OfflineDebugAppender#DUMP_ID_KEY}; otherwise it asks the appender, which writes the dump if no one
 * did yet, so that the log line and the store agree whichever runs first. Without a started appender
 * in the context it reports one warning and renders empty.
 *
 * @since 0.1
 */
public class DumpIdConverter extends ClassicConverter {
  private String appenderName;
  private volatile boolean warned;

  @Override
  public void start() {
    appenderName = getFirstOption();
    super.start();
  }

  @Override
  public String convert(ILoggingEvent event) {
    if (event.getThrowableProxy() == null) {
      return "";
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    String forwarded = mdc == null ? null : mdc.get(OfflineDebugAppender.DUMP_ID_KEY);
    if (forwarded != null) {
      return forwarded;
    }
    OfflineDebugAppender appender = appender();
    if (appender == null) {
      return "";
    }
    String id = appender.dumpId(event);
    return id == null ? "" : id;
  }

  private OfflineDebugAppender appender() {
    StartedAppenders registry = StartedAppenders.find(getContext());
    OfflineDebugAppender appender = registry == null ? null : registry.find(appenderName);
    if (appender == null && !warned) {
      warned = true;
      addWarn(
          "%dumpId renders nothing: no started "
              + OfflineDebugAppender.class.getSimpleName()
              + (appenderName == null ? "" : " named [" + appenderName + "]")
              + " in this logging context");
    }
    return appender;
  }
}
