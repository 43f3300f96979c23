package dev.offlinedebug.locals;

/**
 * Recognises the pre-allocated exceptions HotSpot throws instead of new ones once an implicit
 * exception site is hot ({@code -XX:+OmitStackTraceInFastThrow}, the default): one instance is
 * shared by every thread and every occurrence, so recording locals against it would mix unrelated
 * occurrences. They are the only throwables of these types without a stack trace.
 *
 * @since 0.1
 */
public final class SharedThrowables {
  private SharedThrowables() {}

  /** Whether {@code thrown} is one of HotSpot's shared implicit exceptions. */
  public static boolean isShared(Throwable thrown) {
    Class<?> type = thrown.getClass();
    boolean implicit = type == NullPointerException.class
        || type == ArithmeticException.class
        || type == ArrayIndexOutOfBoundsException.class
        || type == ArrayStoreException.class
        || type == ClassCastException.class;
    return implicit && thrown.getStackTrace().length == 0;
  }
}
