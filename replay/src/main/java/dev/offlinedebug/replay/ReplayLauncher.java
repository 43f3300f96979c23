package dev.offlinedebug.replay;

import dev.offlinedebug.Dump;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts a replay JVM that waits for a debugger: a child {@code java} with the current class path,
 * running {@link ReplayMain} suspended under a JDWP server, so that jdb, IntelliJ or VS Code can
 * attach, set an exception breakpoint and resume.
 *
 * <pre>{@code
 * String type = ReplayLauncher.exceptionBreakpoint(dump, cause);
 * ReplayLauncher replay = ReplayLauncher.start(
 *     "localhost:5005", List.of("--dir", "logs/dumps", "--id", id, "--cause", "0"), type, System.out::println);
 * System.out.println(replay.attachInstructions());
 * int exit = replay.waitFor();
 * }</pre>
 *
 * <p>The exception breakpoint must be on the thrown throwable's <em>type</em> (jdb {@code catch},
 * the IDEs' exception breakpoints; a JDI {@code ExceptionRequest} class filter would instead match
 * the class of the throwing location), for <em>uncaught</em> exceptions only: the replayed throwable
 * leaves {@code main} uncaught, while loading the dump throws and catches exceptions of any type
 * inside the libraries it uses (Chronicle's start-up parses with {@code Integer.parseInt}).
 *
 * @since 0.1
 */
public final class ReplayLauncher {
  private static final String LISTENING = "Listening for transport dt_socket at address: ";

  private final Process process;
  private final String address;
  private final String exceptionType;

  private ReplayLauncher(Process process, String address, String exceptionType) {
    this.process = process;
    this.address = address;
    this.exceptionType = exceptionType;
  }

  /**
   * The class name of the throwable the replay of {@code dump}'s {@code cause}-th cause throws:
   * what the exception breakpoint is set on. Rebuilds the dump's throwable ({@code Dump.rebuild()}).
   */
  public static String exceptionBreakpoint(Dump dump, int cause) {
    return Replayer.thrownType(dump.rebuild(), cause);
  }

  /**
   * Starts {@link ReplayMain} with {@code replayArguments} in a child JVM suspended with a JDWP
   * server on {@code address}, and returns once the server listens.
   *
   * @param address {@code HOST:PORT} or {@code PORT}; port {@code 0} picks a free port, see {@link
   *     #address()}
   * @param replayArguments {@link ReplayMain}'s arguments, e.g. {@code --dir D --id ID --cause N}
   * @param exceptionType the class name the attach instructions set the exception breakpoint on
   * @param output receives each line the child prints to its standard output, from a daemon
   *     thread, but for the JDWP server's "Listening" lines; its standard error goes to this JVM's
   * @throws IOException when the child cannot start or ends before listening (its output is in
   *     the message)
   */
  public static ReplayLauncher start(
      String address, List<String> replayArguments, String exceptionType, Consumer<String> output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=" + address);
    command.addAll(chronicleOptions());
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("offlinedebug."))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ReplayMain.class.getName());
    command.addAll(replayArguments);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()));
    StringBuilder before = new StringBuilder();
    for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
      if (line.startsWith(LISTENING)) {
        String port = line.substring(LISTENING.length()).trim();
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "localhost" : address.substring(0, colon);
        pump(stdout, output);
        return new ReplayLauncher(process, (host.equals("*") ? "localhost" : host) + ":" + port, exceptionType);
      }
      before.append(line).append('\n');
    }
    throw new IOException("replay JVM ended before its JDWP server listened on " + address + ": " + before);
  }

  /**
   * Loading the dump starts Chronicle Wire, which reads JVM internals and uses {@code
   * sun.misc.Unsafe} and native code: the options the {@code offline-debug} jar's manifest and
   * launcher give it, so that the replay JVM prints no warnings about them.
   */
  private static List<String> chronicleOptions() {
    List<String> options = new ArrayList<>(List.of("--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"));
    int feature = Runtime.version().feature();
    if (feature >= 22) {
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    if (feature >= 23) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  private static void pump(BufferedReader stdout, Consumer<String> output) {
    Thread pump = new Thread(() -> {
      try {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
          // After a debugger detaches, the JDWP server listens again, on another port when the first
          // was 0; the replay has run on by then, so that address would only confuse.
          if (!line.startsWith(LISTENING)) {
            output.accept(line);
          }
        }
      } catch (IOException e) {
        output.accept("offline-debug: lost the replay JVM's output: " + e.getMessage());
      }
    }, "offline-debug-replay-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** The {@code HOST:PORT} the replay JVM listens on, with the actual port. */
  public String address() {
    return address;
  }

  /** The child JVM; it ends after the replayed throwable left its main thread. */
  public Process process() {
    return process;
  }

  /** Waits for the replay JVM to end and returns its exit code. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** One line telling the user how to attach jdb, IntelliJ or VS Code, and where to break. */
  public String attachInstructions() {
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    String port = address.substring(colon + 1);
    return "Replay JVM suspended, waiting for a debugger on " + address
        + ". Set an exception breakpoint on " + exceptionType + " for uncaught exceptions only"
        + " (loading the dump throws and catches exceptions of its own), then resume."
        + " jdb: jdb -attach " + address + ", then: catch uncaught " + exceptionType + ", cont."
        + " IntelliJ: Run > Edit Configurations > + > Remote JVM Debug, host " + host + ", port " + port
        + "; Run > View Breakpoints > + > Java Exception Breakpoints > " + exceptionType
        + ", Caught exception off."
        + " VS Code: launch.json {\"type\": \"java\", \"request\": \"attach\", \"hostName\": \"" + host
        + "\", \"port\": " + port + "} and check only \"Uncaught Exceptions\".";
  }
}
