package dev.offlinedebug.internal.capture;

import dev.offlinedebug.model.FrameInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns stack trace elements into {@link FrameInfo}s that print exactly as the originals did.
 *
 * <p>The JDK prints a frame without the class loader name when the loader is built in ({@code
 * app}, {@code platform}) and without the module version for JDK modules; a {@link
 * StackTraceElement} built from parts through the public constructor always prints both. So the
 * parts the original did not print are left out of the frame. Which parts the JDK drops depends
 * only on loader, module and version, so the decision is taken once for each such triple.
 */
final class FrameFormat {
  private static final int MAX_CACHED = 512;

  private record Origin(String loader, String module, String version) {}

  private record Printed(boolean loader, boolean version) {}

  private final Map<Origin, Printed> printed = new ConcurrentHashMap<>();

  FrameInfo frame(StackTraceElement element) {
    String loader = element.getClassLoaderName();
    String version = element.getModuleVersion();
    if (loader == null && version == null) {
      return FrameInfo.of(element);
    }
    Origin origin = new Origin(loader, element.getModuleName(), version);
    Printed shown = printed.get(origin);
    if (shown == null) {
      shown = inspect(element, origin);
      if (printed.size() < MAX_CACHED) {
        printed.put(origin, shown);
      }
    }
    return new FrameInfo(
        element.getClassName(),
        element.getMethodName(),
        element.getFileName(),
        element.getLineNumber(),
        element.getModuleName(),
        shown.version() ? version : null,
        shown.loader() ? loader : null,
        false,
        List.of());
  }

  private static Printed inspect(StackTraceElement element, Origin origin) {
    String text = element.toString();
    boolean loader = origin.loader() != null && text.startsWith(origin.loader() + "/");
    boolean version =
        origin.version() != null && text.contains(origin.module() + "@" + origin.version() + "/");
    return new Printed(loader, version);
  }
}
