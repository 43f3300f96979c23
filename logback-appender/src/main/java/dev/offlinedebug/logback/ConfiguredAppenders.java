package dev.offlinedebug.logback;

import ch.qos.logback.core.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link OfflineDebugAppender}s of one Logback context that were started, successfully or not,
 * and not stopped since; kept in the context's object map so that a {@link DumpIdConverter} finds the
 * appender whose store it writes to, and renders nothing (instead of writing elsewhere) when that
 * appender is misconfigured. A reset of the context clears the map along with stopping the appenders.
 */
final class ConfiguredAppenders {
  private static final String KEY = ConfiguredAppenders.class.getName();

  private final CopyOnWriteArrayList<OfflineDebugAppender> appenders = new CopyOnWriteArrayList<>();

  private ConfiguredAppenders() {}

  /** The registry of {@code context}, created on first use. */
  static ConfiguredAppenders of(Context context) {
    synchronized (ConfiguredAppenders.class) {
      Object existing = context.getObject(KEY);
      if (existing instanceof ConfiguredAppenders registry) {
        return registry;
      }
      ConfiguredAppenders registry = new ConfiguredAppenders();
      context.putObject(KEY, registry);
      return registry;
    }
  }

  /** The registry of {@code context}, or {@code null} when no appender ever registered there. */
  static ConfiguredAppenders find(Context context) {
    Object existing = context == null ? null : context.getObject(KEY);
    return existing instanceof ConfiguredAppenders registry ? registry : null;
  }

  void add(OfflineDebugAppender appender) {
    appenders.addIfAbsent(appender);
  }

  void remove(OfflineDebugAppender appender) {
    appenders.remove(appender);
  }

  /** The registered appenders, least recently started first. It may have failed to start. */
  List<OfflineDebugAppender> appenders() {
    return appenders;
  }
}
