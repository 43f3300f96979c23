package dev.offlinedebug.cli;

import dev.offlinedebug.spi.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** A usage error is one line naming the problem and where to find help; exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("offline-debug: " + TerminalText.escape(e.getMessage())
        + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USAGE;
  }
}
