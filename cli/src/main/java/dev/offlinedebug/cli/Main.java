package dev.offlinedebug.cli;

import picocli.CommandLine;

/** Entry point of the {@code offline-debug} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args} and returns the process exit code. */
  static int run(String... args) {
    quietLibraries();
    CommandLine commandLine = new CommandLine(new OfflineDebugCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Dumps are bounded as they are read, and so are list -n and stats; a whole listing holds a
      // line per dump. This is the last line of defence, still one line.
      System.err.println("offline-debug: the dump or listing is too large to process here (" + e
          + "); give the JVM more memory, e.g. JDK_JAVA_OPTIONS=-Xmx2g, or list less (-n N, --since T)");
      return ExitCode.CORRUPT;
    }
  }

  /**
   * Chronicle, which reads the dumps, would otherwise send usage analytics and make SLF4J warn on
   * stderr that it has no logging backend: neither belongs in a command's output.
   */
  private static void quietLibraries() {
    setIfAbsent("chronicle.analytics.disable", "true");
    setIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
