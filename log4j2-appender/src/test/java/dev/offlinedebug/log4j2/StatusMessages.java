package dev.offlinedebug.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j2's status logger reports at WARN or above while it is registered. */
final class StatusMessages implements StatusListener {
  private final List<StatusData> reports = new CopyOnWriteArrayList<>();

  static StatusMessages register() {
    StatusMessages listener = new StatusMessages();
    StatusLogger.getLogger().registerListener(listener);
    return listener;
  }

  @Override
  public void log(StatusData data) {
    reports.add(data);
  }

  @Override
  public Level getStatusLevel() {
    return Level.WARN;
  }

  /** Messages containing {@code text}. */
  List<String> containing(String text) {
    return reports.stream().map(StatusMessages::text).filter(m -> m.contains(text)).toList();
  }

  /** The throwables reported with the messages containing {@code text}. */
  List<Throwable> thrownWith(String text) {
    return reports.stream().filter(r -> text(r).contains(text) && r.getThrowable() != null).map(StatusData::getThrowable).toList();
  }

  private static String text(StatusData data) {
    return data.getMessage().getFormattedMessage();
  }

  void unregister() {
    StatusLogger.getLogger().removeListener(this);
  }

  /** Called by {@link StatusLogger#removeListener}: nothing to release. */
  @Override
  public void close() {}
}
