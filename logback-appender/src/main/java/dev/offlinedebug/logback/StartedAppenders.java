package dev.offlinedebug.logback;

import ch.qos.logback.core.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The started {@link OfflineDebugAppender}s of one Logback context, kept in the context's object map
 * so that a {@link DumpIdConverter} finds the appender whose store it writes to. A reset of the
 * context clears the map along with stopping the appenders.
 */
final class StartedAppenders {
  private static final String KEY = StartedAppenders.class.getName();

  private final List<OfflineDebugAppender> started = new CopyOnWriteArrayList<>();

  private StartedAppenders() {}

  /** The registry of {@code context}, created on first use. */
  static StartedAppenders of(Context context) {
    synchronized (StartedAppenders.class) {
      Object existing = context.getObject(KEY);
      if (existing instanceof StartedAppenders registry) {
        return registry;
      }
      StartedAppenders registry = new StartedAppenders();
      context.putObject(KEY, registry);
      return registry;
    }
  }

  /** The registry of {@code context}, or {@code null} when no appender ever registered there. */
  static StartedAppenders find(Context context) {
    Object existing = context == null ? null : context.getObject(KEY);
    return existing instanceof StartedAppenders registry ? registry : null;
  }

  void add(OfflineDebugAppender appender) {
    started.add(appender);
  }

  void remove(OfflineDebugAppender appender) {
    started.remove(appender);
  }

  /**
   * The most recently started appender named {@code name}, or the most recently started one when
   * {@code name} is null; {@code null} when there is none.
   */
  OfflineDebugAppender find(String name) {
    for (int i = started.size() - 1; i >= 0; i--) {
      OfflineDebugAppender appender = started.get(i);
      if (name == null || name.equals(appender.getName())) {
        return appender;
      }
    }
    return null;
  }
}
