package dev.offlinedebug.appender;

import dev.offlinedebug.store.StatusListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards each distinct status message at most once per {@value #INTERVAL_MILLIS} ms and prefixes it
 * with the component's name, so that a full disk or a dropped-dump storm cannot flood the
 * framework's status channel. Remembers at most {@value #MAX_MESSAGES} messages.
 */
final class ThrottledStatus implements StatusListener {
  static final long INTERVAL_MILLIS = 60_000;
  static final int MAX_MESSAGES = 64;

  private final String component;
  private final StatusListener target;
  private final Map<String, Long> lastReported =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_MESSAGES;
        }
      };

  ThrottledStatus(String component, StatusListener target) {
    this.component = component;
    this.target = target;
  }

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
    try {
      target.report(component + ": " + message, cause);
    } catch (RuntimeException ignored) {
      // A status channel that fails has nowhere left to report to.
    }
  }
}
