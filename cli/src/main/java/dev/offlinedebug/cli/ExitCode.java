package dev.offlinedebug.cli;

/** The exit codes of {@code offline-debug}, as documented in the README. */
final class ExitCode {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_FOUND = 3;
  static final int CORRUPT = 4;

  private ExitCode() {}
}
