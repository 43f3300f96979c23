package dev.offlinedebug.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j2's status logger reports at WARN or above while it is registered. */
final class StatusMessages implements StatusListener {
  private final List<String> messages = new CopyOnWriteArrayList<>();

  static StatusMessages register() {
    StatusMessages listener = new StatusMessages();
    StatusLogger.getLogger().registerListener(listener);
    return listener;
  }

  @Override
  public void log(StatusData data) {
    messages.add(data.getMessage().getFormattedMessage());
  }

  @Override
  public Level getStatusLevel() {
    return Level.WARN;
  }

  /** Messages containing {@code text}. */
  List<String> containing(String text) {
    return messages.stream().filter(m -> m.contains(text)).toList();
  }

  void unregister() {
    StatusLogger.getLogger().removeListener(this);
  }

  /** Called by {@link StatusLogger#removeListener}: nothing to release. */
  @Override
  public void close() {}
}
