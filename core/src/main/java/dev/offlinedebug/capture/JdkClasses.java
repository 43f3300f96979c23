package dev.offlinedebug.capture;

/**
 * Tells JDK classes from everything else. Only a JDK class's own code may run during capture, so
 * this decides which collections may be iterated and which public APIs may be called.
 */
final class JdkClasses {
  private JdkClasses() {}

  private static final ClassValue<Boolean> JDK =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          Module module = type.getModule();
          // A class on the boot class path (as the agent's) is not in a named module: not JDK code.
          if (!module.isNamed() || module.getLayer() != ModuleLayer.boot()) {
            return false;
          }
          String name = module.getName();
          return name.startsWith("java.") || name.startsWith("jdk.");
        }
      };

  /**
   * Wrappers and views whose iteration may delegate to a collection the application supplied, so
   * iterating them could run application code even though their own class is a JDK class.
   */
  private static final ClassValue<Boolean> DELEGATING =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          String name = type.getName();
          if (name.startsWith("java.util.Collections$")) {
            String nested = name.substring("java.util.Collections$".length());
            return !(nested.startsWith("Empty")
                || nested.startsWith("Singleton")
                || nested.startsWith("CopiesList"));
          }
          return name.startsWith("java.util.AbstractList$")
              || name.startsWith("java.util.AbstractMap$")
              || name.startsWith("java.util.AbstractCollection$");
        }
      };

  /** Whether {@code type} belongs to a JDK module of the boot layer ({@code java.*}, {@code jdk.*}). */
  static boolean isJdk(Class<?> type) {
    return JDK.get(type);
  }

  /**
   * Whether a collection or map of runtime class {@code type} may be iterated: a JDK class that
   * holds its own elements rather than wrapping a collection it was given.
   */
  static boolean isSelfContainedCollection(Class<?> type) {
    return JDK.get(type) && !DELEGATING.get(type);
  }
}
