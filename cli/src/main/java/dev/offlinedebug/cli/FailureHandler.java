package dev.offlinedebug.cli;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.spi.TerminalText;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns a command's failure into one line on stderr and its exit code: 3 for an unknown or expired
 * ID or a missing dump file, 4 for a damaged dump, 1 otherwise. The stack trace follows only with
 * {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    if (e instanceof CommandLine.ParameterException usage) {
      return new UsageErrorHandler().handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
    }
    PrintWriter err = command.getErr();
    err.println("offline-debug: " + TerminalText.escapeKeepingLines(message(e)));
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    if (e instanceof DumpNotFoundException || e instanceof NoSuchFileException) {
      return ExitCode.NOT_FOUND;
    }
    if (e instanceof DumpFormatException) {
      return ExitCode.CORRUPT;
    }
    return ExitCode.FAILURE;
  }

  private static String message(Exception e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
