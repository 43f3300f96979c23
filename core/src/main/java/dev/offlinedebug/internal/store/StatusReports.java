package dev.offlinedebug.internal.store;

import dev.offlinedebug.spi.StatusListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way our problems reach a framework's status channel, prefixed with the name of who reports
 * them, so that a full disk or a dropped-dump storm cannot flood it:
 *
 * <ul>
 *   <li>a lasting condition ({@link #problem}) is reported once, counted while it lasts, and reported
 *       again when it {@link #cleared clears}, with how often it recurred: two lines, not one per
 *       dropped dump;
 *   <li>any other message ({@link #report}) is passed on at most once per {@value #INTERVAL_MILLIS}
 *       ms, remembering at most {@value #MAX_MESSAGES} distinct messages.
 * </ul>
 *
 * <p>Never throws: a status channel that fails has nowhere left to report to.
 */
public final class StatusReports implements StatusListener {
  static final long INTERVAL_MILLIS = 60_000;
  static final int MAX_MESSAGES = 64;

  private final String prefix;
  private final StatusListener target;
  private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();
  private final Map<String, Long> lastReported =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_MESSAGES;
        }
      };

  /**
   * @param reporter names who reports, at the start of every message, e.g. {@code "OfflineDebug
   *     appender 'Dumps'"}
   * @param target the framework's status channel; {@code null} drops every message
   */
  public StatusReports(String reporter, StatusListener target) {
    this.prefix = reporter + ": ";
    this.target = target == null ? StatusListener.IGNORE : target;
  }

  /**
   * Messages passed on as they are: for the writer, whose listener already names who reports (an
   * appender's own {@code StatusReports}), so that a line is never prefixed twice.
   *
   * @param target the status channel; {@code null} drops every message
   */
  public StatusReports(StatusListener target) {
    this.prefix = "";
    this.target = target == null ? StatusListener.IGNORE : target;
  }

  /** Passes {@code message} on, unless the same message was passed on within the last minute. */
  @Override
  public void report(String message, Throwable cause) {
    long now = System.currentTimeMillis();
    synchronized (lastReported) {
      Long last = lastReported.get(message);
      if (last != null && now - last < INTERVAL_MILLIS) {
        return;
      }
      lastReported.put(message, now);
    }
    send(message, cause);
  }

  /** Counts one occurrence of problem {@code kind}; reports it when it is new. */
  public void problem(String kind, String message, Throwable cause) {
    AtomicLong count = active.computeIfAbsent(kind, k -> new AtomicLong());
    if (count.getAndIncrement() == 0) {
      send(message, cause);
    }
  }

  /** Reports a one-off event (not a condition that lasts and clears), every time. */
  void notice(String message) {
    send(message, null);
  }

  /** Whether some problem is active, that is, whether {@link #cleared} may report. */
  public boolean anyProblem() {
    return !active.isEmpty();
  }

  /** Problem {@code kind} is over; reports how many times it occurred, if it was active. */
  public void cleared(String kind, String message) {
    if (!anyProblem()) {
      return;
    }
    AtomicLong count = active.remove(kind);
    if (count != null) {
      long failed = count.get();
      send(message + " after " + failed + (failed == 1 ? " failed attempt" : " failed attempts"), null);
    }
  }

  private void send(String message, Throwable cause) {
    try {
      target.report(prefix + message, cause);
    } catch (RuntimeException ignored) {
      // A listener must not throw; if it does, the caller, and so the application, must not see it.
    }
  }
}
