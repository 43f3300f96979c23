package dev.offlinedebug.model;

/**
 * The thread that logged the throwable (not the thread an asynchronous appender wrote the dump on).
 *
 * @param name never null
 * @param id {@code Thread.getId()}
 * @param daemon whether it was a daemon thread
 * @param priority its priority; {@code 0} when unknown
 * @since 0.1
 */
public record ThreadInfo(String name, long id, boolean daemon, int priority) {
  public ThreadInfo {
    java.util.Objects.requireNonNull(name, "name");
  }

  /** The calling thread. */
  public static ThreadInfo current() {
    Thread t = Thread.currentThread();
    return new ThreadInfo(t.getName(), t.getId(), t.isDaemon(), t.getPriority());
  }
}
