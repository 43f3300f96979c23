package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code offline-debug demo}: runs the bundled example application in a child JVM with the agent
 * and a logging appender, prints the error line it logged, and shows the dump that line names.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled example application: it logs a failed checkout; then show its dump.")
final class DemoCommand implements Callable<Integer> {
  static final String MAIN_CLASS = "dev.offlinedebug.examples.OrderDemo";
  /** The example's logging configuration renders the ID as {@code [dump <id>]}. */
  private static final Pattern DUMP_ID = Pattern.compile("\\[dump (\\S+)\\]");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path scratch = Files.createTempDirectory("offline-debug-demo");
    try {
      return run(scratch);
    } finally {
      deleteTree(scratch);
    }
  }

  private int run(Path scratch) throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Style style = common.style();
    Path directory = store.directory().toAbsolutePath();
    DemoBundle bundle = DemoBundle.unpack(scratch);
    Path log = scratch.resolve("demo.log");
    Path childOutput = scratch.resolve("child-output.txt");
    Process child = new ProcessBuilder(childCommand(bundle, directory, log))
        .redirectErrorStream(true)
        .redirectOutput(childOutput.toFile())
        .start();
    int exit = child.waitFor();
    if (exit != 0) {
      throw new IOException("the example application failed with exit code " + exit + ":\n"
          + Files.readString(childOutput, StandardCharsets.UTF_8).strip());
    }
    Optional<String> errorLine = errorLine(log);
    out.println(style.dim("The example application logged:"));
    out.println(errorLine.map(TerminalText::escape).orElse("(no line with a dump ID: is an appender on the class path?)"));
    out.println();
    DumpStore dumps = store.open();
    String id = errorLine.isPresent() ? dumpId(errorLine.get()) : newestId(dumps, childOutput);
    Dump dump = dumps.load(id);
    out.println(style.dim("offline-debug show " + TerminalText.escape(dump.id()) + " --dir " + directory + ":"));
    out.println();
    out.print(new DumpRenderer(style).render(dump));
    if (bundle.agentJar() == null) {
      out.println(style.yellow("(the build bundled no agent, so the dump has no locals)"));
    }
    out.println();
    out.println(style.dim("The dump stays in " + directory + ": try 'offline-debug list --dir " + directory + "'."));
    out.flush();
    return ExitCode.OK;
  }

  private static List<String> childCommand(DemoBundle bundle, Path directory, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (bundle.agentJar() != null) {
      command.add("-javaagent:" + bundle.agentJar() + "=include=dev.offlinedebug.examples.*");
    }
    command.add("-Dchronicle.analytics.disable=true");
    command.add("-Dlog4j2.configurationFile=offline-debug-demo-log4j2.xml");
    command.add("-Doffline-debug.demo.dir=" + directory);
    command.add("-Doffline-debug.demo.log=" + log);
    command.add("-cp");
    command.add(bundle.classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(MAIN_CLASS);
    return command;
  }

  private static Optional<String> errorLine(Path log) throws IOException {
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> DUMP_ID.matcher(line).find()).findFirst();
    }
  }

  private static String dumpId(String line) {
    Matcher m = DUMP_ID.matcher(line);
    m.find();
    return m.group(1);
  }

  /** Without a log line naming it, the newest dump is the example's, if it wrote one. */
  private static String newestId(DumpStore dumps, Path childOutput) throws IOException {
    List<DumpSummary> all = Files.isDirectory(dumps.directory()) ? dumps.list() : List.of();
    if (all.isEmpty()) {
      throw new IOException("the example application wrote no dump to " + dumps.directory() + "; its output:\n"
          + Files.readString(childOutput, StandardCharsets.UTF_8).strip());
    }
    return all.get(all.size() - 1).id();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
