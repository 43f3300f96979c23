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
   * Links a handler's {@code invokedynamic}; the agent's call sites come through {@link #link}.
   *
   * <p>Each local is passed as two constants the class file already holds in its local variable
   * table (its name and its descriptor), so that a call site adds no strings of its own to the
   * constant pool: the JVM parses and interns every string of a class when it loads it, whether
   * or not a handler ever runs.
   *
   * @param name {@code record} (the throwable leaves the method), {@code caught} (it enters one of
   *     the method's own handlers) or {@code left} (after {@code caught}, no handler took it)
   * @param type {@code (Throwable, locals...)void}; {@code (Throwable)void} for {@code left}
   * @param className the instrumented class, binary name with dots
   * @param methodName the instrumented method
   * @param locals for each recorded local, in argument order, its name then its type descriptor
   *     ({@code I}, {@code Ljava/lang/String;}, {@code [J}); none for {@code left}
   */
  public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type,
      String className, String methodName, String... locals) {
    MethodHandle typed;
    if (name.equals("left")) {
      typed = MethodHandles.insertArguments(LEFT, 1, className, methodName).asType(type);
    } else {
      int count = type.parameterCount() - 1;
      if (locals.length != 2 * count) {
        throw new IllegalArgumentException("expected a name and a descriptor for each of the "
            + count + " locals of " + type + ", got " + locals.length + " strings");
      }
      String[] names = new String[count];
      String[] types = new String[count];
      for (int i = 0; i < count; i++) {
        names[i] = locals[2 * i].intern();
        types[i] = typeName(locals[2 * i + 1]).intern();
      }
      MethodHandle bound = MethodHandles.insertArguments(name.equals("caught") ? CAUGHT : RECORD,
          1, className, methodName, names, types);
      typed = bound.asCollector(Object[].class, count).asType(type);
    }
    MethodHandle ignore = MethodHandles.dropArguments(IGNORE_FAILURE, 1, type.parameterList());
    return new ConstantCallSite(MethodHandles.catchException(typed, Throwable.class, ignore));
  }

  /**
   * The agent's bootstrap method: {@link #bootstrap} for a handler of the caller's class, with the
   * fewest constants a class file can carry for it. Its descriptor, {@code
   * ([Ljava/lang/Object;)Ljava/lang/Object;}, is a fifth of the typed one's length, and the class
   * name comes from the caller instead of a string constant: each instrumented class holds both
   * once, and the JVM parses and interns them at load whether or not a handler ever runs. The JVM
   * passes the lookup, the name and the type first, as to every bootstrap method.
   *
   * @param constants the caller's lookup, the name, the type, the method name, then for each
   *     recorded local its name and its descriptor, as for {@link #bootstrap}
   * @since 0.1
   */
  public static Object link(Object... constants) {
    MethodHandles.Lookup caller = (MethodHandles.Lookup) constants[0];
    String[] locals = new String[constants.length - 4];
    for (int i = 0; i < locals.length; i++) {
      locals[i] = (String) constants[4 + i];
    }
    return bootstrap(caller, (String) constants[1], (MethodType) constants[2],
        caller.lookupClass().getName(), (String) constants[3], locals);
  }

  /**
   * The source-level name of a field descriptor ({@code int}, {@code java.util.Map$Entry}, {@code
   * long[][]}), read from the string alone: loading the class could run application code.
   *
   * <p>Names and type names are interned once per call site: sites share the same names and type
   * names ({@code java.lang.String}, {@code id}), and equal strings that are one object let the
   * capture's and the codec's name tables match them by identity instead of comparing their
   * characters on every dump, as they already do for the JVM's own class and method names.
   */
  static String typeName(String descriptor) {
    int dimensions = 0;
    while (dimensions < descriptor.length() && descriptor.charAt(dimensions) == '[') {
      dimensions++;
    }
    String element = switch (descriptor.charAt(dimensions)) {
      case 'Z' -> "boolean";
      case 'B' -> "byte";
      case 'C' -> "char";
      case 'S' -> "short";
      case 'I' -> "int";
      case 'J' -> "long";
      case 'F' -> "float";
      case 'D' -> "double";
      case 'L' -> descriptor.substring(dimensions + 1, descriptor.length() - 1).replace('/', '.');
      default -> throw new IllegalArgumentException("not a field descriptor: " + descriptor);
    };
    return dimensions == 0 ? element : element + "[]".repeat(dimensions);
  }
}
