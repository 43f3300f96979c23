package dev.offlinedebug.log4j2;

import dev.offlinedebug.appender.DumpOptions;
import dev.offlinedebug.appender.DumpSink;
import dev.offlinedebug.store.StatusListener;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
 * <p>Which store: {@code %dumpId{Dumps}} uses the {@code OfflineDebug} appender named {@code Dumps};
 * {@code %dumpId{logs/dumps}} (an option that names no such appender) the store in that directory;
 * plain {@code %dumpId} the configuration's {@code OfflineDebug} appender (the first by name when
 * there are several), or the store in {@value DumpOptions#DEFAULT_DIRECTORY} when there is none.
 * Without an appender the store is opened with the default options and kept open until the JVM
 * exits.
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
  private final String option;
  /** Resolved on first use: when the layout is built, the appender may not exist yet. */
  private volatile boolean resolved;
  private volatile OfflineDebugAppender appender;
  private volatile Path directory;
  /** Without an appender: the sink for {@link #directory}; null when it could not be opened (reported once). */
  private volatile DumpSink sink;

  private DumpIdPatternConverter(Configuration configuration, String option) {
    super("DumpId", "dumpId");
    this.configuration = configuration;
    this.option = option;
  }

  /** Called by {@code PatternLayout}; {@code options} holds at most one appender name or directory. */
  public static DumpIdPatternConverter newInstance(Configuration config, String[] options) {
    String option = options != null && options.length > 0 && !options[0].isBlank() ? options[0].trim() : null;
    return new DumpIdPatternConverter(config, option);
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
    DumpSink current = sink;
    if (current != null && !current.isOpen()) {
      // The appender whose sink we borrowed was stopped: take its successor's, or open our own.
      current = DumpSink.forDirectory(directory, STATUS);
      sink = current;
    }
    return current == null
        ? null
        : current.dumpId(event.getThrown(), Log4jEvents.INSTANCE.severity(event), () -> Log4jEvents.INSTANCE.toLoggedEvent(event));
  }

  private synchronized void resolve() {
    if (resolved) {
      return;
    }
    appender = findAppender();
    if (appender == null) {
      try {
        directory = Path.of(option != null ? option : DumpOptions.DEFAULT_DIRECTORY);
        sink = DumpSink.forDirectory(directory, STATUS);
      } catch (InvalidPathException e) {
        STATUS.report("'" + option + "' names no OfflineDebug appender and is not a valid directory: " + e.getReason(), null);
      }
    }
    resolved = true;
  }

  private OfflineDebugAppender findAppender() {
    if (configuration == null) {
      return null;
    }
    OfflineDebugAppender found = null;
    for (Appender candidate : configuration.getAppenders().values()) {
      if (candidate instanceof OfflineDebugAppender od
          && (option != null ? option.equals(od.getName()) : found == null || od.getName().compareTo(found.getName()) < 0)) {
        found = od;
      }
    }
    return found;
  }
}
