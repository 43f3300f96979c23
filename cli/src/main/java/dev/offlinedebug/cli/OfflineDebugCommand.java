package dev.offlinedebug.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code offline-debug} command: only dispatches to its subcommands. */
@Command(
    name = "offline-debug",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads the dumps that offline-debug writes for logged exceptions.",
    footer = {
      "",
      "The store directory is --dir, else $OFFLINE_DEBUG_DIR, else ./logs/dumps.",
      "Exit codes: 0 ok, 2 usage error, 3 ID not found or expired, 4 corrupt dump, 1 other failure."
    },
    subcommands = {
      ListCommand.class,
      ShowCommand.class,
      ExportCommand.class,
      ReplayCommand.class,
      TailCommand.class,
      StatsCommand.class,
      HtmlCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
final class OfflineDebugCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
