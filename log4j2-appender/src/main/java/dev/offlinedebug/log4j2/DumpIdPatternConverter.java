package dev.offlinedebug.log4j2;

import dev.offlinedebug.spi.ConverterStore;
import dev.offlinedebug.spi.DumpSink;
import dev.offlinedebug.spi.StatusListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code %dumpId} renders the dump ID of the event's throwable, writing the dump if no appender has
 * yet; nothing when the event has no throwable, its level is below {@code minLevel}, or the dump was
 * dropped. Events forwarded by an {@link OfflineDebugAppender} render the ID they carry.
 *
 * <p>Which store: as {@link ConverterStore} says, the same rule as Logback's converter: {@code
 * %dumpId{Dumps}} uses the {@code OfflineDebug} appender named {@code Dumps}; plain {@code %dumpId}
 * the configuration's {@code OfflineDebug} appender (the first by name when there are several);
 * without one, the store in the directory the option names ({@code %dumpId{logs/dumps}}, default
 * {@code logs/dumps}), opened with the default options and kept open until the JVM exits.
 *
 * <p>One instance per layout rather than a JVM-wide singleton: it needs its configuration to find
 * the appender. Formatting allocates nothing once a dump exists for the throwable.
 *
 * @since 0.1
 */
@Plugin(name = "DumpIdPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"dumpId"})
public final class DumpIdPatternConverter extends LogEventPatternConverter {
  private static final StatusListener STATUS =
      (message, cause) -> StatusLogger.getLogger().error("%dumpId: " + message, cause);

  private final Configuration configuration;
  private final ConverterStore store;
  /** Resolved on first use: when the layout is built, the appender may not exist yet. */
  private volatile boolean resolved;
  private volatile OfflineDebugAppender appender;

  private DumpIdPatternConverter(Configuration configuration, String option) {
    super("DumpId", "dumpId");
    this.configuration = configuration;
    this.store = new ConverterStore(option, STATUS);
  }

  /** Called by {@code PatternLayout}; {@code options} holds at most one appender name or directory. */
  public static DumpIdPatternConverter newInstance(Configuration config, String[] options) {
    return new DumpIdPatternConverter(config, options != null && options.length > 0 ? options[0] : null);
  }

  @Override
  public void format(LogEvent event, StringBuilder toAppendTo) {
    String carried = event.getContextData().getValue(OfflineDebugAppender.DUMP_ID_KEY);
    if (carried != null) {
      toAppendTo.append(carried);
      return;
    }
    if (event.getThrown() == null) {
      return;
    }
    String id = dumpId(event);
    if (id != null) {
      toAppendTo.append(id);
    }
  }

  private String dumpId(LogEvent event) {
    if (!resolved) {
      resolve();
    }
    OfflineDebugAppender target = appender;
    if (target != null) {
      return target.core().dumpId(event);
    }
    DumpSink sink = store.directorySink();
    return sink == null
        ? null
        : sink.dumpId(event.getThrown(), Log4jEvents.INSTANCE.severity(event), () -> Log4jEvents.INSTANCE.toLoggedEvent(event));
  }

  /** A reconfiguration builds new layouts, so the appender is looked up once per converter. */
  private synchronized void resolve() {
    if (resolved) {
      return;
    }
    if (configuration != null) {
      List<OfflineDebugAppender> ours = new ArrayList<>();
      for (Appender candidate : configuration.getAppenders().values()) {
        if (candidate instanceof OfflineDebugAppender od) {
          ours.add(od);
        }
      }
      appender = store.chooseAppender(ours, OfflineDebugAppender::getName);
    }
    resolved = true;
  }
}
