package dev.offlinedebug.spi;

/**
 * What {@link AppenderCore} needs to know about one logging framework's event type. Implementations
 * are stateless and must not throw.
 *
 * @param <E> the framework's event type (Log4j2 {@code LogEvent}, Logback {@code ILoggingEvent})
 * @since 0.1
 */
public interface EventAdapter<E> {
  /** The event's throwable, or {@code null}. */
  Throwable thrown(E event);

  /** The event's level mapped onto {@link Severity}; never null. */
  Severity severity(E event);

  /**
   * The event as the capture records it: logger, level, formatted message, the thread that logged
   * (not the one an asynchronous appender runs on), MDC / context data, markers. Never null.
   */
  LoggedEvent toLoggedEvent(E event);
}
