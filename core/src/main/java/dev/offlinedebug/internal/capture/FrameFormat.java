package dev.offlinedebug.internal.capture;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns stack trace elements into {@link FrameInfo}s that print exactly as the originals did.
 *
 * <p>The JDK prints a frame without the class loader name when the loader is built in ({@code
 * app}, {@code platform}) and without the module version for JDK modules; a {@link
 * StackTraceElement} built from parts through the public constructor always prints both. So the
 * parts the original did not print are left out of the frame. Which parts the JDK drops depends
 * only on loader, module and version, so the decision is taken once for each such triple.
 *
 * <p>Every frame the JVM fills in from one class loader and module holds the same {@code String}
 * objects for their names, and a throwable's frames come from a few such origins (the application's
 * loader, {@code java.base}): the last origins seen are compared by identity first. Looking each
 * frame up in the map (a key made, hashed and compared per frame) was two thirds of turning a real
 * frame into a {@link FrameInfo}.
 */
final class FrameFormat {
  private static final int MAX_CACHED = 512;
  /** Recent origins kept, a power of two. */
  private static final int RECENT = 4;

  /**
   * A map key; its {@code equals} and {@code hashCode} are written out because a record's generated
   * ones bootstrap {@code java.lang.runtime.ObjectMethods} on first use: some forty method handle
   * classes spun on the first dump of an application's frames.
   */
  private record Origin(String loader, String module, String version) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Origin o && Objects.equals(loader, o.loader) && Objects.equals(module, o.module)
          && Objects.equals(version, o.version);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(loader) * 31 + Objects.hashCode(module)) * 31 + Objects.hashCode(version);
    }
  }

  /** Whether a frame prints its class loader name and its module version, where it has them. */
  record Printed(boolean loader, boolean version) {}

  /** A frame without loader name and module version: the public constructor prints what it has. */
  private static final Printed WHOLE = new Printed(true, true);

  /**
   * An origin with what it prints; its final fields let threads racing on {@link #recent} see whole
   * ones.
   */
  private record Seen(Origin origin, Printed printed) {}

  private final Map<Origin, Printed> printed = new ConcurrentHashMap<>();
  private final Seen[] recent = new Seen[RECENT];
  /** Where the next origin goes in {@link #recent}; racy, as any slot will do. */
  private int nextRecent;

  /**
   * The frame of {@code element}, with {@code locals} as its captured locals, or none captured when
   * {@code null}.
   */
  FrameInfo frame(StackTraceElement element, List<LocalVariable> locals) {
    Printed shown = printed(element);
    return new FrameInfo(
        element.getClassName(),
        element.getMethodName(),
        element.getFileName(),
        element.getLineNumber(),
        element.getModuleName(),
        shown.version() ? element.getModuleVersion() : null,
        shown.loader() ? element.getClassLoaderName() : null,
        locals != null,
        locals == null ? List.of() : locals);
  }

  /** What the frame of {@code element} keeps of its class loader name and module version. */
  Printed printed(StackTraceElement element) {
    String loader = element.getClassLoaderName();
    String version = element.getModuleVersion();
    if (loader == null && version == null) {
      return WHOLE;
    }
    String module = element.getModuleName();
    Printed shown = recent(loader, module, version);
    if (shown == null) {
      Origin origin = new Origin(loader, module, version);
      shown = printed(element, origin);
      recent[nextRecent++ & (RECENT - 1)] = new Seen(origin, shown);
    }
    return shown;
  }

  private Printed recent(String loader, String module, String version) {
    for (Seen seen : recent) {
      if (seen != null && seen.origin.loader() == loader && seen.origin.module() == module
          && seen.origin.version() == version) {
        return seen.printed;
      }
    }
    return null;
  }

  private Printed printed(StackTraceElement element, Origin origin) {
    Printed shown = printed.get(origin);
    if (shown == null) {
      shown = inspect(element, origin);
      if (printed.size() < MAX_CACHED) {
        printed.put(origin, shown);
      }
    }
    return shown;
  }

  private static Printed inspect(StackTraceElement element, Origin origin) {
    String text = element.toString();
    boolean loader = origin.loader() != null && text.startsWith(origin.loader() + "/");
    boolean version =
        origin.version() != null && text.contains(origin.module() + "@" + origin.version() + "/");
    return new Printed(loader, version);
  }
}
