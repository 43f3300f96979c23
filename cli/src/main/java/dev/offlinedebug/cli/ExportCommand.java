package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.spi.TerminalText;
import dev.offlinedebug.spi.WireYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code offline-debug export}: a dump as JSON or as Chronicle Wire's YAML text. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a dump to standard output as JSON (stable field names) or YAML (Chronicle Wire text).")
final class ExportCommand implements Callable<Integer> {
  /** The values of {@code --format}. */
  enum Format {
    JSON,
    YAML
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DumpSource source;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
      description = "json or yaml. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws IOException {
    Dump dump = source.load();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      JsonExport.write(dump, new JsonTerminalGuard(out));
      out.println();
    } else {
      out.println(TerminalText.escapeKeepingLines(WireYaml.render(dump)).stripTrailing());
    }
    out.flush();
    return ExitCode.OK;
  }
}
