package dev.offlinedebug.log4j2;

import dev.offlinedebug.appender.DumpOptions;
import dev.offlinedebug.appender.DumpSink;
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
 * plain {@code %dumpId} the configuration's {@code OfflineDebug} appender (the first, by name, when
 * there are several), or {@value DumpOptions#DEFAULT_DIRECTORY} when there is none. One instance
 * per layout and configuration (it needs the configuration to find the appender, which a JVM-wide
 * singleton cannot know); it formats without allocating once a dump exists for the throwable.
 *
 * @since 0.1
 */
@Plugin(name = "DumpIdPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"dumpId"})
public final class DumpIdPatternConverter extends LogEventPatternConverter {
  private final Configuration configuration;
  private final String option;
  private volatile Source source;

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
    Source current = source();
    String id = current == null ? null : current.dumpId(event);
    if (id != null) {
      toAppendTo.append(id);
    }
  }

  /** Resolved on first use: when the layout is built, the appender may not exist yet. */
  private Source source() {
    Source current = source;
    if (current == null) {
      current = resolve();
      source = current;
    }
    return current;
  }

  private Source resolve() {
    OfflineDebugAppender appender = findAppender();
    if (appender != null) {
      return event -> appender.core().dumpId(event);
    }
    Path dir;
    try {
      dir = Path.of(option != null ? option : DumpOptions.DEFAULT_DIRECTORY);
    } catch (InvalidPathException e) {
      StatusLogger.getLogger().error("%dumpId{{}}: names no OfflineDebug appender and is not a valid directory: {}", option, e.getReason());
      return event -> null;
    }
    DumpSink sink = DumpSink.forDirectory(dir, (message, cause) -> StatusLogger.getLogger().error("%dumpId: " + message, cause));
    return sink == null
        ? event -> null
        : event -> sink.dumpId(event.getThrown(), Log4jEvents.INSTANCE.severity(event), () -> Log4jEvents.INSTANCE.toLoggedEvent(event));
  }

  private OfflineDebugAppender findAppender() {
    if (configuration == null) {
      return null;
    }
    OfflineDebugAppender first = null;
    for (Appender appender : configuration.getAppenders().values()) {
      if (appender instanceof OfflineDebugAppender candidate) {
        if (option != null ? option.equals(candidate.getName())
            : first == null || candidate.getName().compareTo(first.getName()) < 0) {
          first = candidate;
        }
      }
    }
    return first;
  }

  /** Where this converter gets IDs from. */
  @FunctionalInterface
  private interface Source {
    String dumpId(LogEvent event);
  }
}
