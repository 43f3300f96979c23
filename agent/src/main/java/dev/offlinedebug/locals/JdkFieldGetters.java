package dev.offlinedebug.locals;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Read-only getters for the private fields of {@code java.util} and {@code java.util.concurrent}
 * classes, so that the capture shows a {@code Vector}, {@code Hashtable}, {@code TreeSet} or a
 * {@code Collections.synchronized*} wrapper from its fields instead of calling its {@code
 * synchronized} methods. The agent opens exactly these two packages of {@code java.base}, and only
 * to the boot loader's unnamed module, where this class lives after {@code BootstrapPackage} copied
 * it there: no class of the application's loaders gains access, nothing is opened for writing
 * through this class, and no JVM flag is needed. Lives in the agent jar only; the capture finds it
 * by name on the boot loader and, without the agent, reads such fields where the JDK allows.
 */
public final class JdkFieldGetters {
  private static final Set<String> PACKAGES = Set.of("java.util", "java.util.concurrent");
  private static volatile boolean opened;

  private JdkFieldGetters() {}

  /**
   * Opens the packages to this class's module; called once by the agent's start-up. Where the JVM
   * refuses, the capture reads what it can without: the agent's locals are unaffected.
   */
  public static void open(Instrumentation instrumentation) {
    Module self = JdkFieldGetters.class.getModule();
    Map<String, Set<Module>> opens = new HashMap<>();
    for (String name : PACKAGES) {
      opens.put(name, Set.of(self));
    }
    try {
      instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(), opens, Set.of(), Map.of());
      opened = true;
    } catch (RuntimeException e) {
      opened = false;
    }
  }

  /**
   * A getter of the instance field {@code field} of a class in an opened package, taking the
   * object and returning the field's value; {@code null} when the agent did not open it.
   */
  public static MethodHandle getter(Field field) {
    Class<?> owner = field.getDeclaringClass();
    if (!opened || Modifier.isStatic(field.getModifiers()) || owner.getModule() != Object.class.getModule()
        || !PACKAGES.contains(owner.getPackageName())) {
      return null;
    }
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectGetter(field);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }
}
