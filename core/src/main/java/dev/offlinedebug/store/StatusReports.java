package dev.offlinedebug.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports each kind of problem to the {@link StatusListener} once, counts how often it recurred, and
 * reports when it cleared, so a full disk gives two lines, not one per dropped dump.
 */
final class StatusReports {
  private final StatusListener listener;
  private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

  StatusReports(StatusListener listener) {
    this.listener = listener;
  }

  /** Counts one occurrence of problem {@code kind}; reports it when it is new. */
  void problem(String kind, String message, Throwable cause) {
    AtomicLong count = active.computeIfAbsent(kind, k -> new AtomicLong());
    if (count.getAndIncrement() == 0) {
      send(message, cause);
    }
  }

  /** Reports a one-off event (not a condition that lasts and clears). */
  void notice(String message) {
    send(message, null);
  }

  /** Problem {@code kind} is over; reports how many times it occurred, if it was active. */
  void cleared(String kind, String message) {
    if (active.isEmpty()) {
      return;
    }
    AtomicLong count = active.remove(kind);
    if (count != null) {
      send(message + " after " + count.get() + " failed attempts", null);
    }
  }

  private void send(String message, Throwable cause) {
    try {
      listener.report("offline-debug: " + message, cause);
    } catch (RuntimeException ignored) {
      // A listener must not throw; if it does, the writer's caller must not see it.
    }
  }
}
