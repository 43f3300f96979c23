package dev.offlinedebug.internal.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Host name, process ID and JVM of this process, read once, on the first dump.
 *
 * <p>The host name is the kernel's, as {@code hostname} prints it. {@code
 * InetAddress.getLocalHost()} returns the same name but first resolves it through the name
 * service: a DNS query from the application's logging thread, which stalls it for seconds where
 * the host's own name does not resolve quickly, and took half of a first dump's time even where
 * {@code /etc/hosts} answers. So it is the last resort, after Linux's {@code
 * /proc/sys/kernel/hostname} and the environment ({@code HOSTNAME}, as containers set it; {@code
 * COMPUTERNAME} on Windows).
 */
final class HostFacts {
  private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");
  /** A host name has at most 255 bytes; more is not that file. */
  private static final int MAX_HOST_NAME = 255;

  private HostFacts() {}

  static final String HOST = hostName();
  static final long PID = ProcessHandle.current().pid();
  static final String JVM =
      System.getProperty("java.vendor", "unknown")
          + " "
          + System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));

  private static String hostName() {
    String name = kernelHostName();
    if (name == null) {
      name = environment("HOSTNAME");
    }
    if (name == null) {
      name = environment("COMPUTERNAME");
    }
    if (name == null) {
      name = resolvedHostName();
    }
    return name == null ? "unknown" : name;
  }

  private static String kernelHostName() {
    try {
      if (!Files.isRegularFile(KERNEL_HOST_NAME)) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(KERNEL_HOST_NAME);
      return bytes.length > MAX_HOST_NAME + 1 ? null : nonBlank(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String environment(String variable) {
    try {
      return nonBlank(System.getenv(variable));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String resolvedHostName() {
    try {
      return nonBlank(InetAddress.getLocalHost().getHostName());
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  private static String nonBlank(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
