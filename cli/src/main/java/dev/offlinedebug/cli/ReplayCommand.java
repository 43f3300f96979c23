package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug replay}: throws the dump's exception again through generated frames that
 * carry the original classes, methods, lines and locals, so a debugger stops in them.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a dump under a debugger: rethrow it through frames with the original locals.")
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DumpSource source;

  @Option(names = "--cause", paramLabel = "N", defaultValue = "0",
      description = "Replay the stack of the N-th cause instead of the logged exception (0). Default: ${DEFAULT-VALUE}.")
  int cause;

  @Override
  public Integer call() throws Exception {
    if (cause < 0) {
      throw new ParameterException(spec.commandLine(), "--cause must be 0 or more, not " + cause);
    }
    Dump dump = source.load();
    ThrowableInfo replayed = dump.exception().nthCause(cause).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "--cause " + cause + ": dump " + dump.id() + " has no cause number " + cause));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Replaying " + TerminalText.escape(replayed.type()) + " of dump " + TerminalText.escape(dump.id())
        + " in this JVM; attach a debugger to it with an exception breakpoint to stop in the original frames.");
    try {
      OfflineDebug.replay(dump, cause);
    } catch (Throwable thrown) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      out.print(TerminalText.escapeKeepingLines(trace.toString()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
