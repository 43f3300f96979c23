package dev.offlinedebug.internal.rebuild;

import java.util.ArrayList;
import java.util.List;

/**
 * Which throwable classes a rebuild may load and run: JDK classes (found through the platform class
 * loader, which sees nothing but the JDK), and the classes of the packages listed in the system
 * property {@value #PROPERTY}. A class outside the allowance is never loaded, so none of its code
 * (not even a static initialiser) runs.
 */
final class RebuildAllowance {
  /** Comma-separated packages (or class names) whose throwables may be rebuilt as themselves. */
  static final String PROPERTY = "offlinedebug.rebuild.allow";

  private final List<String> packages;

  private RebuildAllowance(List<String> packages) {
    this.packages = packages;
  }

  /** The allowance as the system property says now. */
  static RebuildAllowance current() {
    List<String> packages = new ArrayList<>();
    String property = System.getProperty(PROPERTY, "");
    for (String entry : property.split(",")) {
      String p = entry.trim();
      if (p.endsWith(".*")) {
        p = p.substring(0, p.length() - 2);
      }
      if (!p.isEmpty()) {
        packages.add(p);
      }
    }
    return new RebuildAllowance(packages);
  }

  /** The allowed, loadable throwable class named {@code name}, uninitialised; else {@code null}. */
  Class<? extends Throwable> load(String name) {
    Class<?> type = find(name, ClassLoader.getPlatformClassLoader());
    if (type == null && allowedByUser(name)) {
      type = find(name, Thread.currentThread().getContextClassLoader());
      if (type == null) {
        type = find(name, RebuildAllowance.class.getClassLoader());
      }
    }
    return type != null && Throwable.class.isAssignableFrom(type) ? type.asSubclass(Throwable.class) : null;
  }

  private boolean allowedByUser(String name) {
    for (String p : packages) {
      if (name.equals(p) || name.startsWith(p + ".") || name.startsWith(p + "$")) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> find(String name, ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
