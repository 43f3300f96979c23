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
  private static final MethodHandle IGNORE_FAILURE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      RECORD = lookup.findStatic(UnwindRecorder.class, "record", MethodType.methodType(void.class,
          Throwable.class, String.class, String.class, String[].class, String[].class,
          Object[].class));
      IGNORE_FAILURE = MethodHandles.empty(MethodType.methodType(void.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RecordingSite() {}

  /**
   * Bootstrap method of the handlers' {@code invokedynamic}. Called by the JVM only.
   *
   * @param type {@code (Throwable, locals...)void}
   * @param className the instrumented class, binary name with dots
   * @param methodName the instrumented method
   * @param names the recorded locals' names, comma-separated, in argument order
   * @param types their declared type names, comma-separated, same order
   */
  public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type,
      String className, String methodName, String names, String types) {
    int count = type.parameterCount() - 1;
    MethodHandle bound = MethodHandles.insertArguments(RECORD, 1, className, methodName,
        split(names, count), split(types, count));
    MethodHandle typed = bound.asCollector(Object[].class, count).asType(type);
    MethodHandle ignore = MethodHandles.dropArguments(IGNORE_FAILURE, 1, type.parameterList());
    return new ConstantCallSite(MethodHandles.catchException(typed, Throwable.class, ignore));
  }

  private static String[] split(String joined, int count) {
    return count == 0 ? new String[0] : joined.split(",", count);
  }
}
