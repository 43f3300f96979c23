package dev.offlinedebug.locals;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links the {@code invokedynamic} instruction of each handler the agent appends to a method. The
 * call site takes the throwable and the locals in scope (primitives unboxed), so the handler is a
 * few loads and one instruction; boxing and the array are built by the linked method handle.
 *
 * <p>The linked handle never throws: a failure while recording is swallowed, and the handler
 * rethrows the original throwable in any case.
 *
 * @since 0.1
 */
public final class RecordingSite {
  private static final MethodHandle RECORD;
  private static final MethodHandle CAUGHT;
  private static final MethodHandle LEFT;
  private static final MethodHandle IGNORE_FAILURE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType recording = MethodType.methodType(void.class, Throwable.class, String.class,
          String.class, String[].class, String[].class, Object[].class);
      RECORD = lookup.findStatic(UnwindRecorder.class, "record", recording);
      CAUGHT = lookup.findStatic(UnwindRecorder.class, "caught", recording);
      LEFT = lookup.findStatic(UnwindRecorder.class, "left", MethodType.methodType(void.class,
          Throwable.class, String.class, String.class));
      IGNORE_FAILURE = MethodHandles.empty(MethodType.methodType(void.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RecordingSite() {}

  /**
   * Bootstrap method of the handlers' {@code invokedynamic}. Called by the JVM only.
   *
   * @param name {@code record} (the throwable leaves the method), {@code caught} (it enters one of
   *     the method's own handlers) or {@code left} (after {@code caught}, no handler took it)
   * @param type {@code (Throwable, locals...)void}; {@code (Throwable)void} for {@code left}
   * @param className the instrumented class, binary name with dots
   * @param methodName the instrumented method
   * @param names the recorded locals' names, comma-separated, in argument order
   * @param types their declared type names, comma-separated, same order
   */
  public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type,
      String className, String methodName, String names, String types) {
    int count = type.parameterCount() - 1;
    MethodHandle typed;
    if (name.equals("left")) {
      typed = MethodHandles.insertArguments(LEFT, 1, className, methodName).asType(type);
    } else {
      MethodHandle bound = MethodHandles.insertArguments(name.equals("caught") ? CAUGHT : RECORD,
          1, className, methodName, split(names, count), split(types, count));
      typed = bound.asCollector(Object[].class, count).asType(type);
    }
    MethodHandle ignore = MethodHandles.dropArguments(IGNORE_FAILURE, 1, type.parameterList());
    return new ConstantCallSite(MethodHandles.catchException(typed, Throwable.class, ignore));
  }

  /**
   * The names, interned once per call site: sites share the same names and type names ({@code
   * java.lang.String}, {@code id}), and equal strings that are one object let the capture's and
   * the codec's name tables match them by identity instead of comparing their characters on every
   * dump, as they already do for the JVM's own class and method names.
   */
  private static String[] split(String joined, int count) {
    String[] parts = count == 0 ? new String[0] : joined.split(",", count);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].intern();
    }
    return parts;
  }
}
