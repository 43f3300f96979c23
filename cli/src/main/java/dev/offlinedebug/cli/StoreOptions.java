package dev.offlinedebug.cli;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: where the dump store is. */
final class StoreOptions {
  static final String ENVIRONMENT_VARIABLE = "OFFLINE_DEBUG_DIR";
  static final Path DEFAULT_DIRECTORY = Path.of("logs", "dumps");

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      description = "The dump store directory. Default: $" + ENVIRONMENT_VARIABLE + ", else ./logs/dumps.")
  Path directory;

  /** {@code --dir}, else {@code $OFFLINE_DEBUG_DIR}, else {@code ./logs/dumps}; never null. */
  Path directory() {
    if (directory != null) {
      return directory;
    }
    String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_DIRECTORY : Path.of(fromEnvironment);
  }

  DumpStore open() throws IOException {
    ChronicleStartup.ensureStarted();
    return OfflineDebug.open(directory());
  }
}
