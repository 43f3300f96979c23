package dev.offlinedebug.replay;

import java.util.Map;

/**
 * Defines the generated classes of one replay. Its parent is the platform class loader, so the
 * generated classes see the JDK and each other, never the application's own classes of the same
 * names (nor offline-debug's).
 */
final class ReplayClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  ReplayClassLoader(Map<String, byte[]> classes) {
    super("offline-debug-replay", ClassLoader.getPlatformClassLoader());
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  /** The class named {@code sourceName} as generated code sees it: generated, JDK or primitive. */
  Class<?> classOf(String sourceName) throws ClassNotFoundException {
    if (JdkTypes.isPrimitive(sourceName)) {
      return JdkTypes.primitive(sourceName);
    }
    return Class.forName(TypeNames.binaryName(sourceName), false, this);
  }
}
