package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug html}: one self-contained HTML page showing one or more dumps, to open in a
 * browser, share or attach to a ticket.
 */
@Command(name = "html", mixinStandardHelpOptions = true,
    description = "Write dumps as one self-contained HTML page (no external requests): the stack trace, "
        + "frames unfolding to their locals, objects unfolding level by level.")
final class HtmlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Parameters(arity = "0..*", paramLabel = "ID", description = "Dump IDs from the log lines.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--file", paramLabel = "PATH",
      description = "A standalone dump written by OfflineDebug.save; may be repeated.")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the page to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (ids.isEmpty() && files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give at least one dump ID or --file PATH");
    }
    List<HtmlPage.Entry> entries = new ArrayList<>();
    if (!ids.isEmpty()) {
      DumpStore dumps = store.openForLoading();
      String location = store.absoluteLocation();
      for (String id : ids) {
        Dump dump = dumps.load(id);
        // No links: the page stands alone, and the repeats' pages are not on it.
        entries.add(new HtmlPage.Entry(dump, dumps.occurrences(id), List.of(id, "--dir", location), null));
      }
    }
    if (!files.isEmpty()) {
      ChronicleStartup.ensureStarted();
      for (Path file : files) {
        entries.add(new HtmlPage.Entry(OfflineDebug.load(file), List.of("--file", file.toAbsolutePath().toString())));
      }
    }
    String page = page(entries);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(page);
    } else {
      Files.writeString(output, page, StandardCharsets.UTF_8);
      out.println("wrote " + TerminalText.escape(output.toString()));
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The page for {@code entries}, titled by the dump when there is one. */
  static String page(List<HtmlPage.Entry> entries) {
    String title = entries.size() == 1
        ? "Dump " + entries.get(0).dump().id() + " - offline-debug"
        : entries.size() + " dumps - offline-debug";
    return HtmlPage.ofDumps(title, "", entries);
  }
}
