package dev.offlinedebug.cli;

import dev.offlinedebug.spi.Style;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {
  @Option(names = "--verbose", description = "Print the stack trace of a failure.")
  boolean verbose;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "auto (on a terminal unless NO_COLOR is set), always or never. Default: ${DEFAULT-VALUE}.")
  ColorMode color;

  Style style() {
    return switch (color) {
      case ALWAYS -> Style.ANSI;
      case NEVER -> Style.PLAIN;
      case AUTO -> Style.forStandardOutput();
    };
  }
}
