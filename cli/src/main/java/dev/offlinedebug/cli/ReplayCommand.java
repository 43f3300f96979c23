package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.replay.ReplayLauncher;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug replay}: throws the dump's exception again through generated frames that
 * carry the original classes, methods, lines and locals, so a debugger stops in them: in this JVM,
 * or with {@code --jdwp} in a child JVM that waits for a debugger to attach.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a dump under a debugger: rethrow it through frames with the original locals.")
final class ReplayCommand implements Callable<Integer> {
  private static final Pattern ADDRESS = Pattern.compile("([^:\\s]+:)?\\d{1,5}");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DumpSource source;

  @Option(names = "--cause", paramLabel = "N", defaultValue = "0",
      description = "Replay the stack of the N-th cause instead of the logged exception (0). Default: ${DEFAULT-VALUE}.")
  int cause;

  @Option(names = "--jdwp", paramLabel = "HOST:PORT",
      description = "Replay in a new JVM that waits, suspended, for a debugger to attach on HOST:PORT (port 0: any free port).")
  String jdwp;

  @Override
  public Integer call() throws Exception {
    if (cause < 0) {
      throw new ParameterException(spec.commandLine(), "--cause must be 0 or more, not " + cause);
    }
    if (jdwp != null && !ADDRESS.matcher(jdwp).matches()) {
      throw new ParameterException(spec.commandLine(), "--jdwp '" + jdwp + "' is not in the expected format (HOST:PORT or PORT)");
    }
    Dump dump = source.load();
    ThrowableInfo replayed = dump.exception().nthCause(cause).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "--cause " + cause + ": dump " + dump.id() + " has no cause number " + cause));
    PrintWriter out = spec.commandLine().getOut();
    return jdwp == null ? replayHere(dump, replayed, out) : replayUnderDebugger(dump, out);
  }

  private int replayHere(Dump dump, ThrowableInfo replayed, PrintWriter out) {
    out.println("Replaying " + TerminalText.escape(replayed.type()) + " of dump " + TerminalText.escape(dump.id())
        + " in this JVM, which no debugger can attach to: its stack trace follows;"
        + " to stop in the original frames under a debugger, replay with --jdwp HOST:PORT.");
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

  private int replayUnderDebugger(Dump dump, PrintWriter out) throws Exception {
    String exceptionType = ReplayLauncher.exceptionBreakpoint(dump, cause);
    ReplayLauncher replay = ReplayLauncher.start(jdwp, replayArguments(), exceptionType, line -> {
      synchronized (out) {
        out.println(TerminalText.escapeKeepingLines(line));
        out.flush();
      }
    });
    synchronized (out) {
      out.println(TerminalText.escapeKeepingLines(replay.attachInstructions()));
      out.flush();
    }
    int exit = replay.waitFor();
    // The replayed throwable leaves the child's main thread uncaught: exit code 1 is success.
    return exit <= 1 ? ExitCode.OK : exit;
  }

  private List<String> replayArguments() throws IOException {
    String n = Integer.toString(cause);
    return source.file != null
        ? List.of("--file", source.file.toAbsolutePath().toString(), "--cause", n)
        : List.of("--dir", source.store.absoluteLocation(), "--id", source.id, "--cause", n);
  }
}
