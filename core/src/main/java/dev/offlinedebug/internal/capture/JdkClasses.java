package dev.offlinedebug.internal.capture;

/**
 * Tells JDK classes from everything else. Only a JDK class's own code may run during capture, and
 * only where it can neither wait for another thread nor call back into application code ({@link
 * JdkCollections}, {@link JdkText}, {@link JdkParts} say where).
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

  /** Whether {@code type} belongs to a JDK module of the boot layer ({@code java.*}, {@code jdk.*}). */
  static boolean isJdk(Class<?> type) {
    return JDK.get(type);
  }
}
