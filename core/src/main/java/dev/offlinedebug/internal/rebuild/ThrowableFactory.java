package dev.offlinedebug.internal.rebuild;

import dev.offlinedebug.model.ThrowableInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Instantiates an allowed throwable class so that it prints as the original did: tries its public
 * constructors of the usual shapes and keeps the first instance whose message, {@code toString()}
 * and cause come out as captured and whose stack trace can be set.
 */
final class ThrowableFactory {
  private ThrowableFactory() {}

  private record Attempt(Constructor<?> constructor, Object... arguments) {}

  /**
   * @param cause the rebuilt cause to give the instance now, or {@code null} for none or not yet
   * @return the instance with message, stack trace and cause set, or {@code null} when no
   *     constructor gives a faithful one
   */
  static Throwable create(
      Class<? extends Throwable> type, ThrowableInfo info, StackTraceElement[] trace, Throwable cause) {
    if (Modifier.isAbstract(type.getModifiers())) {
      return null;
    }
    for (Attempt attempt : attempts(type, info.message(), cause)) {
      Throwable candidate = instantiate(attempt.constructor(), attempt.arguments());
      if (candidate != null && faithful(candidate, info, trace, cause)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Constructor and arguments to try, those that leave the cause unset first (so that it can be set
   * afterwards), then those that take it.
   */
  private static List<Attempt> attempts(Class<?> type, String message, Throwable cause) {
    List<Attempt> free = new ArrayList<>();
    List<Attempt> withCause = new ArrayList<>();
    for (Constructor<?> c : type.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 0) {
        free.add(new Attempt(c));
      } else if (p.length == 1 && p[0] == String.class) {
        free.add(0, new Attempt(c, (Object) message));
      } else if (p.length == 1 && accepts(p[0], cause)) {
        withCause.add(new Attempt(c, (Object) cause));
      } else if (p.length == 2 && p[0] == String.class && accepts(p[1], cause)) {
        withCause.add(0, new Attempt(c, message, cause));
      } else if (p.length == 2 && accepts(p[0], cause) && p[1] == String.class) {
        withCause.add(new Attempt(c, cause, message));
      }
    }
    free.addAll(withCause);
    return free;
  }

  private static boolean accepts(Class<?> parameter, Throwable cause) {
    return Throwable.class.isAssignableFrom(parameter) && (cause == null || parameter.isInstance(cause));
  }

  private static Throwable instantiate(Constructor<?> constructor, Object[] arguments) {
    try {
      return (Throwable) constructor.newInstance(arguments);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static boolean faithful(Throwable t, ThrowableInfo info, StackTraceElement[] trace, Throwable cause) {
    try {
      if (cause != null && t.getCause() != cause) {
        t.initCause(cause);
      }
      if (t.getCause() != cause
          || !Objects.equals(t.getMessage(), info.message())
          || !info.description().equals(t.toString())) {
        return false;
      }
      t.setStackTrace(trace);
      return t.getStackTrace().length == trace.length;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
