package dev.offlinedebug.spi;

import dev.offlinedebug.internal.store.StatusReports;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * The skeleton both appenders share, generic over the framework's event type; each framework module
 * is a thin typed adapter that delegates its lifecycle and {@code append} here. For every event:
 * started check, re-entry guard, minimum level, write the dump (or reuse the ID already written for
 * this throwable), forward with the ID.
 *
 * <pre>{@code
 * AppenderCore<LogEvent> core = new AppenderCore<>("OfflineDebug appender 'Dumps'", events, this::forward);
 * // start(): options validated, problems go to the status listener, never thrown
 * boolean started = core.start(options, (message, cause) -> LOGGER.error(message, cause));
 * core.append(event);  // from the framework's append
 * core.stop();         // flushes and releases the store files
 * }</pre>
 *
 * <p>Thread-safe after {@link #start}; {@link #append} never throws.
 *
 * @param <E> the framework's event type
 * @since 0.1
 */
public final class AppenderCore<E> {
  private final String component;
  private final EventAdapter<E> events;
  private final BiConsumer<E, String> forward;
  private volatile DumpSink sink;

  /**
   * @param component names the appender in every status message, e.g. {@code "OfflineDebug
   *     appender 'Dumps'"}; never null
   * @param events reads the framework's events; never null
   * @param forward receives every appended event with its dump ID ({@code null} when it got none),
   *     typically to pass it on to the configured appender references; it runs inside the re-entry
   *     guard; never null
   */
  public AppenderCore(String component, EventAdapter<E> events, BiConsumer<E, String> forward) {
    this.component = component;
    this.events = events;
    this.forward = forward;
  }

  /**
   * Validates {@code options} and opens the store. Every problem is reported to {@code status} as
   * one line naming the component, the option, its value and the expected format; nothing is thrown.
   *
   * @return whether the appender started; when not, {@link #append} drops events
   */
  public boolean start(DumpOptions options, StatusListener status) {
    StatusListener throttled = new StatusReports(component, status);
    SinkSettings settings = options.parse(problem -> throttled.report(problem, null));
    if (settings == null) {
      return false;
    }
    try {
      sink = OpenSinks.acquire(settings, throttled);
      return true;
    } catch (IOException | RuntimeException e) {
      throttled.report("cannot open dump directory " + settings.writer().directory() + ": " + e, e);
      return false;
    }
  }

  /**
   * Writes the dump for {@code event} (when it carries a throwable at or above {@code minLevel} and
   * none was written for that throwable yet) and forwards the event with its ID. Events that arrive
   * before start, after stop, or nested inside another append or converter on this thread are
   * dropped.
   */
  public void append(E event) {
    DumpSink current = sink;
    if (current == null || !ReentryGuard.enter()) {
      return;
    }
    try {
      String id = current.dumpIdInsideGuard(events.thrown(event), events.severity(event), () -> events.toLoggedEvent(event));
      forward.accept(event, id);
    } finally {
      ReentryGuard.exit();
    }
  }

  /**
   * The dump ID for {@code event}, writing the dump if this is the first time its throwable is seen:
   * what a {@code %dumpId} converter renders when this appender is configured.
   *
   * @return {@code null} when not started, without throwable, below {@code minLevel}, nested, or dropped
   */
  public String dumpId(E event) {
    DumpSink current = sink;
    return current == null ? null : current.dumpId(events.thrown(event), events.severity(event), () -> events.toLoggedEvent(event));
  }

  /** Flushes and releases the store files (kept open while another started appender shares them). */
  public void stop() {
    DumpSink current = sink;
    sink = null;
    if (current != null) {
      current.close();
    }
  }
}
