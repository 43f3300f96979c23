package dev.offlinedebug.internal.capture;

import java.net.InetAddress;

/**
 * Host name, process ID and JVM of this process: read once, since the host name may need a name
 * service lookup.
 */
final class HostFacts {
  private HostFacts() {}

  static final String HOST = hostName();
  static final long PID = ProcessHandle.current().pid();
  static final String JVM =
      System.getProperty("java.vendor", "unknown")
          + " "
          + System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception | LinkageError e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment != null ? fromEnvironment : "unknown";
    }
  }
}
