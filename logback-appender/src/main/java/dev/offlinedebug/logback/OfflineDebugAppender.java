package dev.offlinedebug.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.offlinedebug.spi.AppenderCore;
import dev.offlinedebug.spi.DumpOptions;
import java.util.Iterator;

/**
 * Writes a dump of every logged throwable at or above {@code minLevel} to a rolling dump store, and
 * forwards each event to its {@code <appender-ref>}s with the dump's ID in MDC key {@value
 * #DUMP_ID_KEY}. Pair it with {@link DumpIdConverter} to put the ID in pattern layouts; whichever of
 * the two runs first writes the dump, the other reuses its ID.
 *
 * <pre>{@code
 * <appender name="Dumps" class="dev.offlinedebug.logback.OfflineDebugAppender">
 *   <directory>logs/dumps</directory>
 *   <appender-ref ref="File"/>  <!-- optional -->
 * </appender>
 * }</pre>
 *
 * <p>Every option is a string with the syntax and default of {@link DumpOptions}; {@link #start()}
 * validates them and reports each problem once through the context's status manager; the appender
 * then starts without dumps, still forwarding every event to its {@code <appender-ref>}s. Nothing it does throws into the application, and
 * whatever is logged while a dump is written (including Chronicle's own logging) gets no dump.
 *
 * @since 0.1
 */
public class OfflineDebugAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  /** The MDC key that carries the dump ID on forwarded events. */
  public static final String DUMP_ID_KEY = "dumpId";

  private final DumpOptions options = new DumpOptions();
  private final AppenderAttachableImpl<ILoggingEvent> references = new AppenderAttachableImpl<>();
  private volatile AppenderCore<ILoggingEvent> core;

  /** The store directory; default {@value DumpOptions#DEFAULT_DIRECTORY}. */
  public void setDirectory(String directory) {
    options.setDirectory(directory);
  }

  /**
   * A store file rolls past this size ({@code <number>[KB|MB|GB]}); default {@code 16MB}, or {@code
   * maxTotalSize} when smaller.
   */
  public void setMaxFileSize(String maxFileSize) {
    options.setMaxFileSize(maxFileSize);
  }

  /** The oldest files are deleted past this total ({@code <number>[KB|MB|GB]}); default {@code 256MB}. */
  public void setMaxTotalSize(String maxTotalSize) {
    options.setMaxTotalSize(maxTotalSize);
  }

  /** Files older than this are deleted ({@code <number>[ms|s|m|h|d]}); default {@code 7d}. */
  public void setMaxAge(String maxAge) {
    options.setMaxAge(maxAge);
  }

  /** Events below this level get no dump ({@code TRACE|DEBUG|INFO|WARN|ERROR}); default {@code ERROR}. */
  public void setMinLevel(String minLevel) {
    options.setMinLevel(minLevel);
  }

  /** Object levels captured below each local variable; default {@code 4}. */
  public void setMaxDepth(String maxDepth) {
    options.setMaxDepth(maxDepth);
  }

  /** Longer strings are cut; default {@code 1024}. */
  public void setMaxStringLength(String maxStringLength) {
    options.setMaxStringLength(maxStringLength);
  }

  /** Elements captured per array, collection or map; default {@code 64}. */
  public void setMaxCollectionElements(String maxCollectionElements) {
    options.setMaxCollectionElements(maxCollectionElements);
  }

  /**
   * Approximate bound of one dump ({@code <number>[KB|MB|GB]}), at most {@code maxFileSize}; default
   * {@code 256KB}, or {@code maxFileSize} when smaller.
   */
  public void setMaxDumpBytes(String maxDumpBytes) {
    options.setMaxDumpBytes(maxDumpBytes);
  }

  /**
   * Extra redaction rules, comma-separated: names, {@code type:}, {@code package:}, {@code /regex/}
   * (which may hold commas: it runs to the next {@code /} before a comma or the end).
   */
  public void setRedact(String redact) {
    options.setRedact(redact);
  }

  /**
   * Whether strings, {@code char[]} and {@code byte[]} of locals whose names are unknown (classes
   * compiled without {@code -g}) are redacted ({@code true|false}); default {@code true}.
   */
  public void setRedactUnnamed(String redactUnnamed) {
    options.setRedactUnnamed(redactUnnamed);
  }

  /** Repeats of one failure inside this window reuse its dump ({@code 0} turns it off); default {@code 60s}. */
  public void setDedupWindow(String dedupWindow) {
    options.setDedupWindow(dedupWindow);
  }

  /** Dumps written per second at most; default {@code 20}. */
  public void setMaxDumpsPerSecond(String maxDumpsPerSecond) {
    options.setMaxDumpsPerSecond(maxDumpsPerSecond);
  }

  /**
   * {@code s3://bucket[/prefix]}: also ship the store there, from one daemon thread (needs {@code
   * offline-debug-s3}; credentials, region and endpoint from the standard AWS chain); default none.
   */
  public void setUpload(String upload) {
    options.setUpload(upload);
  }

  /**
   * Starts even when the options are bad (each problem reported once), then writing no dumps: a
   * stopped appender would pass nothing to its {@code <appender-ref>}s, and the application would
   * lose those log lines.
   */
  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    if (getContext() == null) {
      addError(component() + " has no Logback context: call setContext before start");
      return;
    }
    ConfiguredAppenders.of(getContext()).add(this);
    AppenderCore<ILoggingEvent> starting =
        new AppenderCore<>(component(), LogbackEvents.INSTANCE, this::forward);
    if (starting.start(options, this::addError)) {
      core = starting;
    }
    super.start();
  }

  /** Names this appender in status messages, as Logback's own appenders do. */
  /** Who reports, as the Log4j2 appender names itself: the same words in either framework's status. */
  private String component() {
    return "OfflineDebug appender '" + getName() + "'";
  }

  @Override
  protected void append(ILoggingEvent event) {
    AppenderCore<ILoggingEvent> current = core;
    if (current != null) {
      current.append(event);
    } else {
      forward(event, null);
    }
  }

  /**
   * Runs on the thread that called {@link #append}: inside the skeleton's re-entry guard, or
   * directly when the appender writes no dumps.
   */
  private void forward(ILoggingEvent event, String dumpId) {
    references.appendLoopOnAppenders(dumpId == null ? event : new EventWithDumpId(event, dumpId));
  }

  /**
   * The dump ID of {@code event}, writing its dump when neither this appender nor a converter did
   * yet; {@code null} when there is none (no throwable, below {@code minLevel}, stopped, dropped).
   */
  String dumpId(ILoggingEvent event) {
    AppenderCore<ILoggingEvent> current = core;
    return current == null ? null : current.dumpId(event);
  }

  /**
   * Releases the store files and stops the appender references, as Logback's {@code AsyncAppender}
   * does; also when {@link #start()} opened no store, so that a reconfiguration leaks no file of theirs.
   */
  @Override
  public void stop() {
    super.stop();
    ConfiguredAppenders registry = ConfiguredAppenders.find(getContext());
    if (registry != null) {
      registry.remove(this);
    }
    AppenderCore<ILoggingEvent> current = core;
    core = null;
    if (current != null) {
      current.stop();
    }
    references.detachAndStopAllAppenders();
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    references.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return references.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return references.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return references.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    references.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return references.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return references.detachAppender(name);
  }
}
