package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which dump a command works on: an ID in the store, or a standalone dump file. */
final class DumpSource {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The dump ID from the log line.")
  String id;

  @Option(names = "--file", paramLabel = "PATH", description = "A standalone dump written by OfflineDebug.save, instead of an ID.")
  Path file;

  @Mixin StoreOptions store;

  /** The store {@link #load} read the ID from; null for a standalone file. */
  private DumpStore loadedFrom;

  /** Loads the dump; exactly one of ID and {@code --file} must be given. */
  Dump load() throws IOException {
    if ((id == null) == (file == null)) {
      throw new ParameterException(spec.commandLine(), "give either a dump ID or --file PATH");
    }
    if (file != null) {
      ChronicleStartup.ensureStarted();
      return OfflineDebug.load(file);
    }
    loadedFrom = store.openForLoading();
    return loadedFrom.load(id);
  }

  /**
   * The repeats dedup stored or counted for the loaded dump's failure, from the store it was loaded
   * from (object storage lists none: that would download every later store file); none for a
   * standalone file. Call after {@link #load}.
   */
  DumpOccurrences occurrences() throws IOException {
    return loadedFrom == null ? DumpOccurrences.none("") : loadedFrom.occurrences(id);
  }
}
