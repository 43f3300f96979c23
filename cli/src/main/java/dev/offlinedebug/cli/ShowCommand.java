package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.spi.DumpRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug show}: a dump as a stack trace with the locals of each frame; for the first
 * dump of a repeated failure, its occurrences; for an occurrence, the first dump it belongs to.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a dump: the exception as a stack trace with each frame's local variables.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DumpSource source;

  @Override
  public Integer call() throws IOException {
    Dump dump = source.load();
    String text = new DumpRenderer(common.style()).render(dump)
        + new OccurrenceText(common.style()).render(dump.id(), source.occurrences());
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return ExitCode.OK;
  }
}
