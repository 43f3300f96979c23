package dev.offlinedebug.replay;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JDK classes replay may use as they are. A name is a JDK name when its package belongs to a
 * module of the boot layer; every other name belongs to the application and gets a generated class.
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

  /**
   * The JDK value that {@code text} is the canonical text of: an enum constant, or what the type's
   * own public parsing API ({@code parse}, {@code of}, {@code valueOf}, {@code fromString}, a
   * {@code String} constructor) makes of it. Runs JDK code only.
   */
  static Optional<Object> parse(String type, String text) {
    Optional<Class<?>> loaded = load(type);
    if (loaded.isEmpty() || loaded.get().isPrimitive()) {
      return Optional.empty();
    }
    Class<?> c = loaded.get();
    try {
      if (c.isEnum()) {
        return Optional.of(enumConstant(c, text));
      }
      if (c == Class.class) {
        return load(text).map(Object.class::cast);
      }
      for (String factory : new String[] {"parse", "of", "valueOf", "fromString"}) {
        Optional<Object> made = invokeFactory(c, factory, text);
        if (made.isPresent()) {
          return made;
        }
      }
      Constructor<?> constructor = c.getConstructor(String.class);
      return Optional.of(constructor.newInstance(text));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Optional<Object> invokeFactory(Class<?> type, String name, String text)
      throws ReflectiveOperationException {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)
          && Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 1
          && m.getParameterTypes()[0].isAssignableFrom(String.class)
          && type.isAssignableFrom(m.getReturnType())) {
        return Optional.ofNullable(m.invoke(null, text));
      }
    }
    return Optional.empty();
  }
}
