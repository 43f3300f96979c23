package dev.offlinedebug.replay;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JDK classes generated code may name. A name is a JDK name when its package belongs to a
 * module of the boot layer; every other name belongs to the application and gets a generated class.
 * A JDK class is only ever loaded here, never initialised: which JDK types replay builds is decided
 * by {@link JdkValues} and {@link JdkContainers} alone.
 * Package membership is decided without loading, so that probing an application name never throws
 * a {@link ClassNotFoundException} inside the replay JVM (a debugger set to stop on all exceptions
 * would stop there).
 */
final class JdkTypes {
  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "boolean", boolean.class, "byte", byte.class, "short", short.class, "char", char.class,
          "int", int.class, "long", long.class, "float", float.class, "double", double.class);
  private static final Set<String> JDK_PACKAGES = jdkPackages();

  private JdkTypes() {}

  private static Set<String> jdkPackages() {
    Set<String> packages = new HashSet<>();
    for (Module module : ModuleLayer.boot().modules()) {
      packages.addAll(module.getPackages());
    }
    return packages;
  }

  static boolean isPrimitive(String name) {
    return PRIMITIVES.containsKey(name);
  }

  static Class<?> primitive(String name) {
    return PRIMITIVES.get(name);
  }

  /** Whether {@code className} (not an array) is in a package of a JDK module. */
  static boolean isJdkName(String className) {
    int dot = className.lastIndexOf('.');
    return dot > 0 && JDK_PACKAGES.contains(className.substring(0, dot));
  }

  /**
   * Whether no class loader but the JDK's may define {@code className}: a JDK name, or any name in
   * {@code java.*}, which the JVM reserves even for packages no module has.
   */
  static boolean isReservedName(String className) {
    return isJdkName(className) || className.startsWith("java.");
  }

  /** The JDK class {@code className} (not an array), without initialising it. */
  static Optional<Class<?>> load(String className) {
    if (isPrimitive(className)) {
      return Optional.of(primitive(className));
    }
    if (!isJdkName(className)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Class.forName(className, false, ClassLoader.getPlatformClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Whether generated code in an unnamed module may name {@code type} (public, exported). */
  static boolean isAccessible(Class<?> type) {
    Class<?> c = type;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive()
        || (Modifier.isPublic(c.getModifiers())
            && (c.getEnclosingClass() == null || isAccessible(c.getEnclosingClass()))
            && c.getModule().isExported(c.getPackageName()));
  }

  /** The first class from {@code type} up its superclasses that generated code may name. */
  static Class<?> nearestAccessible(Class<?> type) {
    Class<?> c = type;
    while (!isAccessible(c)) {
      c = c.getSuperclass();
    }
    return c;
  }
}
