package dev.offlinedebug.replay;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.StorageLocations;
import dev.offlinedebug.spi.WireRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Main class of the replay JVM that {@link ReplayLauncher} starts: loads one dump and {@linkplain
 * OfflineDebug#replay(Dump, int) replays} it on the main thread. The rebuilt throwable leaves
 * {@code main} uncaught, so a debugger's uncaught-exception breakpoint stops on it and the JVM
 * prints the original stack trace.
 *
 * <pre>
 * java -cp ... dev.offlinedebug.replay.ReplayMain (--file DUMP | --dir DIR --id ID) [--cause N]
 * </pre>
 *
 * <p>Exit codes before replaying: 2 usage error, 3 dump not found or expired, 4 corrupt dump;
 * after replaying, the JVM's own 1 for the uncaught throwable.
 *
 * @since 0.1
 */
public final class ReplayMain {
  static final String USAGE =
      "usage: ReplayMain (--file DUMP | --dir DIR --id ID) [--cause N]";

  private ReplayMain() {}

  public static void main(String[] args) throws Throwable {
    ReplayArguments arguments;
    try {
      arguments = ReplayArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Dump dump;
    try {
      dump = WireRuntime.quietly(() -> load(arguments));
    } catch (DumpNotFoundException e) { // also DumpExpiredException
      System.err.println(e.getMessage());
      System.exit(3);
      return;
    } catch (DumpFormatException e) {
      System.err.println(e.getMessage());
      System.exit(4);
      return;
    }
    OfflineDebug.replay(dump, arguments.cause());
  }

  /**
   * Loads the dump; run {@linkplain WireRuntime#quietly quietly}, as loading starts Chronicle Wire,
   * which prints to this JVM's console, the user's at the debugger, meant to show only the replayed
   * stack trace.
   */
  private static Dump load(ReplayArguments arguments) throws IOException {
    return arguments.file() != null
        ? OfflineDebug.load(arguments.file())
        : store(arguments.dir()).load(arguments.id());
  }

  /** A directory, or an object-storage location such as {@code s3://bucket/prefix}. */
  private static DumpStore store(String dir) throws IOException {
    return StorageLocations.isObjectStorage(dir) ? OfflineDebug.open(URI.create(dir)) : OfflineDebug.open(Path.of(dir));
  }

  /** Parsed command line of {@link ReplayMain}; {@code dir} is a directory or a URI such as {@code s3://bucket}. */
  record ReplayArguments(Path file, String dir, String id, int cause) {
    static ReplayArguments parse(String[] args) {
      Path file = null;
      String dir = null;
      String id = null;
      int cause = 0;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + option);
        }
        String value = args[++i];
        switch (option) {
          case "--file" -> file = Path.of(value);
          case "--dir" -> dir = value;
          case "--id" -> id = value;
          case "--cause" -> cause = parseCause(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if ((file == null) == (dir == null || id == null) || (file != null && (dir != null || id != null))) {
        throw new IllegalArgumentException("give either --file, or --dir and --id");
      }
      return new ReplayArguments(file, dir, id, cause);
    }

    private static int parseCause(String value) {
      try {
        int cause = Integer.parseInt(value);
        if (cause >= 0) {
          return cause;
        }
      } catch (NumberFormatException e) {
        // reported below with the expected format
      }
      throw new IllegalArgumentException("--cause is not in the expected format (<number >= 0>): " + value);
    }
  }
}
