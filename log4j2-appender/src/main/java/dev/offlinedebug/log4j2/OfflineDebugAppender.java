package dev.offlinedebug.log4j2;

import dev.offlinedebug.spi.AppenderCore;
import dev.offlinedebug.spi.DumpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderControl;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.util.StringMap;

/**
 * Writes a dump for every logged throwable at or above {@code minLevel} and forwards each event to
 * its {@code AppenderRef}s with the context data key {@value #DUMP_ID_KEY} set to the dump's ID.
 *
 * <pre>{@code
 * <OfflineDebug name="Dumps" directory="logs/dumps" maxTotalSize="1GB" redact="iban,type:com.acme.Card">
 *   <AppenderRef ref="File"/>
 * </OfflineDebug>
 * }</pre>
 *
 * <p>Options and their defaults are those of {@link DumpOptions}. Bad options are reported once
 * through the status logger; the appender then writes no dumps and passes events on to its {@code
 * AppenderRef}s without IDs, so the application keeps logging.
 *
 * @since 0.1
 */
@Plugin(name = "OfflineDebug", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class OfflineDebugAppender extends AbstractAppender {
  /** The context data key under which forwarded events carry their dump ID. */
  public static final String DUMP_ID_KEY = "dumpId";

  private final Configuration configuration;
  private final AppenderRef[] refs;
  private final DumpOptions options;
  private final AppenderCore<LogEvent> core;
  private volatile List<AppenderControl> targets = List.of();
  private volatile boolean targetsNeedLocation;
  /** False when the options are bad: events are then passed on without dump IDs. */
  private volatile boolean dumping;

  private OfflineDebugAppender(Builder<?> builder, DumpOptions options) {
    super(builder.getName(), builder.getFilter(), null, builder.isIgnoreExceptions(), Property.EMPTY_ARRAY);
    this.configuration = builder.getConfiguration();
    this.refs = builder.appenderRefs == null ? new AppenderRef[0] : builder.appenderRefs;
    this.options = options;
    this.core = new AppenderCore<>("OfflineDebug appender '" + getName() + "'", Log4jEvents.INSTANCE, this::forward);
  }

  /** The builder Log4j2's configuration uses. */
  @PluginBuilderFactory
  public static <B extends Builder<B>> B newBuilder() {
    return new Builder<B>().asBuilder();
  }

  /**
   * Starts even when the options are bad (each problem reported once), then writing no dumps:
   * Log4j2 reports every event sent to a non-started appender, and its AppenderRefs would get none.
   */
  @Override
  public void start() {
    dumping = core.start(options, (message, cause) -> LOGGER.error(message, cause));
    targets = resolveTargets();
    targetsNeedLocation = requiresLocation();
    super.start();
  }

  @Override
  public void append(LogEvent event) {
    if (dumping) {
      core.append(event);
    } else {
      forward(event, null);
    }
  }

  @Override
  public boolean stop(long timeout, TimeUnit timeUnit) {
    setStopping();
    core.stop();
    targets = List.of();
    boolean stopped = super.stop(timeout, timeUnit, false);
    setStopped();
    return stopped;
  }

  /** Whether an appender this one forwards to renders the caller's location ({@code %L}, {@code %M}...). */
  @Override
  public boolean requiresLocation() {
    for (AppenderRef ref : refs) {
      Appender target = configuration == null ? null : configuration.getAppender(ref.getRef());
      if (target instanceof LocationAware aware && aware.requiresLocation()) {
        return true;
      }
    }
    return false;
  }

  /** The shared core, for the {@code %dumpId} converter. */
  AppenderCore<LogEvent> core() {
    return core;
  }

  private List<AppenderControl> resolveTargets() {
    List<AppenderControl> resolved = new ArrayList<>();
    for (AppenderRef ref : refs) {
      Appender target = configuration == null ? null : configuration.getAppender(ref.getRef());
      if (target == null) {
        LOGGER.error("OfflineDebug appender '{}': AppenderRef '{}' names no appender of this configuration", getName(), ref.getRef());
      } else {
        resolved.add(new AppenderControl(target, ref.getLevel(), ref.getFilter()));
      }
    }
    return List.copyOf(resolved);
  }

  private void forward(LogEvent event, String dumpId) {
    List<AppenderControl> current = targets;
    if (current.isEmpty()) {
      return;
    }
    LogEvent forwarded = dumpId == null ? event : withDumpId(event, dumpId, targetsNeedLocation);
    for (AppenderControl target : current) {
      target.callAppender(forwarded);
    }
  }

  /**
   * A copy of {@code event} whose context data also holds the dump ID. The caller's location is
   * copied only when a target renders it: computing it walks the stack. A reusable message stays
   * shared; targets that keep the event make it immutable ({@code toImmutable}), as for any event.
   */
  private static LogEvent withDumpId(LogEvent event, String dumpId, boolean withLocation) {
    StringMap data = ContextDataFactory.createContextData(event.getContextData());
    data.putValue(DUMP_ID_KEY, dumpId);
    data.freeze();
    Log4jLogEvent.Builder copy = Log4jLogEvent.newBuilder()
        .setLoggerName(event.getLoggerName())
        .setLoggerFqcn(event.getLoggerFqcn())
        .setLevel(event.getLevel())
        .setMarker(event.getMarker())
        .setMessage(event.getMessage())
        .setThrown(event.getThrown())
        .setContextData(data)
        .setContextStack(event.getContextStack())
        .setThreadId(event.getThreadId())
        .setThreadName(event.getThreadName())
        .setThreadPriority(event.getThreadPriority())
        .setInstant(event.getInstant())
        .setNanoTime(event.getNanoTime())
        .setEndOfBatch(event.isEndOfBatch())
        .setIncludeLocation(withLocation && event.isIncludeLocation());
    if (withLocation) {
      copy.setSource(event.getSource());
    }
    return copy.build();
  }

  /**
   * Builds the appender from {@code log4j2.xml}: each attribute is a {@link DumpOptions} option
   * with the same name and syntax; the setters serve programmatic configuration and only store.
   *
   * @param <B> the builder type
   */
  public static final class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
      implements org.apache.logging.log4j.core.util.Builder<OfflineDebugAppender> {
    @PluginBuilderAttribute private String directory;
    @PluginBuilderAttribute private String maxFileSize;
    @PluginBuilderAttribute private String maxTotalSize;
    @PluginBuilderAttribute private String maxAge;
    @PluginBuilderAttribute private String minLevel;
    @PluginBuilderAttribute private String maxDepth;
    @PluginBuilderAttribute private String maxStringLength;
    @PluginBuilderAttribute private String maxCollectionElements;
    @PluginBuilderAttribute private String maxDumpBytes;
    @PluginBuilderAttribute private String redact;
    @PluginBuilderAttribute private String redactUnnamed;
    @PluginBuilderAttribute private String dedupWindow;
    @PluginBuilderAttribute private String maxDumpsPerSecond;
    @PluginBuilderAttribute private String upload;
    @PluginElement("AppenderRef") private AppenderRef[] appenderRefs;

    public B setDirectory(String directory) {
      this.directory = directory;
      return asBuilder();
    }

    public B setMaxFileSize(String maxFileSize) {
      this.maxFileSize = maxFileSize;
      return asBuilder();
    }

    public B setMaxTotalSize(String maxTotalSize) {
      this.maxTotalSize = maxTotalSize;
      return asBuilder();
    }

    public B setMaxAge(String maxAge) {
      this.maxAge = maxAge;
      return asBuilder();
    }

    public B setMinLevel(String minLevel) {
      this.minLevel = minLevel;
      return asBuilder();
    }

    public B setMaxDepth(String maxDepth) {
      this.maxDepth = maxDepth;
      return asBuilder();
    }

    public B setMaxStringLength(String maxStringLength) {
      this.maxStringLength = maxStringLength;
      return asBuilder();
    }

    public B setMaxCollectionElements(String maxCollectionElements) {
      this.maxCollectionElements = maxCollectionElements;
      return asBuilder();
    }

    public B setMaxDumpBytes(String maxDumpBytes) {
      this.maxDumpBytes = maxDumpBytes;
      return asBuilder();
    }

    public B setRedact(String redact) {
      this.redact = redact;
      return asBuilder();
    }

    public B setRedactUnnamed(String redactUnnamed) {
      this.redactUnnamed = redactUnnamed;
      return asBuilder();
    }

    public B setDedupWindow(String dedupWindow) {
      this.dedupWindow = dedupWindow;
      return asBuilder();
    }

    public B setMaxDumpsPerSecond(String maxDumpsPerSecond) {
      this.maxDumpsPerSecond = maxDumpsPerSecond;
      return asBuilder();
    }

    /** {@code s3://bucket[/prefix]}: also ship the store there (needs {@code offline-debug-s3}). */
    public B setUpload(String upload) {
      this.upload = upload;
      return asBuilder();
    }

    public B setAppenderRefs(AppenderRef... appenderRefs) {
      this.appenderRefs = appenderRefs;
      return asBuilder();
    }

    /** Never null: options are validated by {@link OfflineDebugAppender#start()}, not here. */
    @Override
    public OfflineDebugAppender build() {
      DumpOptions options = new DumpOptions();
      options.setDirectory(directory);
      options.setMaxFileSize(maxFileSize);
      options.setMaxTotalSize(maxTotalSize);
      options.setMaxAge(maxAge);
      options.setMinLevel(minLevel);
      options.setMaxDepth(maxDepth);
      options.setMaxStringLength(maxStringLength);
      options.setMaxCollectionElements(maxCollectionElements);
      options.setMaxDumpBytes(maxDumpBytes);
      options.setRedact(redact);
      options.setRedactUnnamed(redactUnnamed);
      options.setDedupWindow(dedupWindow);
      options.setMaxDumpsPerSecond(maxDumpsPerSecond);
      options.setUpload(upload);
      return new OfflineDebugAppender(this, options);
    }
  }
}
