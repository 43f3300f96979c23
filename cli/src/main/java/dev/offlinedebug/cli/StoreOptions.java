package dev.offlinedebug.cli;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpFeed;
import dev.offlinedebug.spi.SkippedRecords;
import dev.offlinedebug.spi.StorageLocations;
import dev.offlinedebug.spi.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --dir}: where the dump store is: a directory, or the copy in object storage ({@code s3://}). */
final class StoreOptions {
  static final String ENVIRONMENT_VARIABLE = "OFFLINE_DEBUG_DIR";
  static final Path DEFAULT_DIRECTORY = Path.of("logs", "dumps");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      description = "The dump store: a directory, or s3://BUCKET[/PREFIX] where the upload option ships it."
          + " Default: $" + ENVIRONMENT_VARIABLE + ", else ./logs/dumps.")
  String location;

  /** {@code --dir}, else {@code $OFFLINE_DEBUG_DIR}, else {@code ./logs/dumps}; never null. */
  String location() {
    if (location != null) {
      return location;
    }
    String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_DIRECTORY.toString() : fromEnvironment;
  }

  boolean inObjectStorage() {
    return StorageLocations.isObjectStorage(location());
  }

  /**
   * The store's directory, for the command that writes a local store (demo).
   *
   * @throws ParameterException (a usage error) when the store is in object storage
   */
  Path directory() {
    if (inObjectStorage()) {
      throw new ParameterException(spec.commandLine(),
          spec.name() + " needs a local store directory, not object storage (" + location() + ")");
    }
    return Path.of(location());
  }

  /** The store as a child process's {@code --dir} names it: an absolute directory, or the URI. */
  String absoluteLocation() {
    return inObjectStorage() ? location() : directory().toAbsolutePath().toString();
  }

  /**
   * The store to load dumps from by ID or to list: an existing directory, or object storage (one
   * ranged read an ID; a listing reads one small summary per store file). Chronicle Wire, which
   * decodes the dumps, is started.
   */
  DumpStore openForLoading() throws IOException {
    DumpStore store = openForListing();
    ChronicleStartup.ensureStarted();
    return store;
  }

  /**
   * Every dump of the store ({@link #openForListing()}), oldest first. Listing reads the store
   * files' summaries and decodes only what they do not cover, so Chronicle Wire starts only then,
   * its start-up lines discarded ({@link ChronicleStartup#quietly}). Each store file with damaged
   * records, which the listing skips, gets a line on stderr.
   */
  List<DumpSummary> list() throws IOException {
    List<String> skipped = new ArrayList<>();
    List<DumpSummary> all = ChronicleStartup.quietly(() -> reportingSkipped(openForListing(), skipped).list());
    printSkipped(skipped);
    return all;
  }

  /**
   * What {@code reading} makes of the dumps at or after {@code since} (null: all), newest first,
   * read lazily ({@link DumpStore#newestFirst}): taking the newest few reads the newest store files
   * only. Chronicle Wire starts as for {@link #list()}, and damaged records are reported so.
   */
  <T> T newestFirst(Instant since, Function<Stream<DumpSummary>, T> reading) throws IOException {
    List<String> skipped = new ArrayList<>();
    T result = ChronicleStartup.quietly(() -> read(reportingSkipped(openForListing(), skipped)::newestFirst, since, reading));
    printSkipped(skipped);
    return result;
  }

  /**
   * {@code store}, whose listings add a line to {@code skipped} for each store file with damaged
   * records: printed once the listing is done, as {@code System.err} is discarded while it runs.
   */
  private static DumpStore reportingSkipped(DumpStore store, List<String> skipped) {
    SkippedRecords.reportTo(store, (first, records) -> skipped.add(first.getMessage() + " (skipped " + records
        + (records == 1 ? " damaged record" : " damaged records") + " of this file; listing the rest)"));
    return store;
  }

  /** One line each, as errors are; the listing is whole but for those records, and the exit code stays 0. */
  private void printSkipped(List<String> skipped) {
    PrintWriter err = spec.commandLine().getErr();
    for (String line : skipped) {
      err.println("offline-debug: " + TerminalText.escape(line));
    }
    err.flush();
  }

  /**
   * The same of what {@code feed}'s store held when following began (for a bucket: its client built
   * once, and listed once).
   */
  static <T> T newestFirst(DumpFeed feed, Instant since, Function<Stream<DumpSummary>, T> reading)
      throws IOException {
    return ChronicleStartup.quietly(() -> read(feed::newestFirst, since, reading));
  }

  private static <T> T read(Listed listed, Instant since, Function<Stream<DumpSummary>, T> reading)
      throws IOException {
    try (Stream<DumpSummary> newest = listed.newestFirst(since)) {
      return reading.apply(newest);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Dumps newest first: a store's ({@link DumpStore#newestFirst}), or a feed's ({@link DumpFeed#newestFirst}). */
  @FunctionalInterface
  private interface Listed {
    Stream<DumpSummary> newestFirst(Instant since) throws IOException;
  }

  /**
   * The store to list, not starting Chronicle Wire: an existing directory (listing a directory that
   * is not there is almost always a wrong {@code --dir}, which an empty listing would hide), or
   * object storage.
   */
  private DumpStore openForListing() throws IOException {
    if (inObjectStorage()) {
      return OfflineDebug.open(URI.create(location()));
    }
    if (!Files.isDirectory(directory())) {
      throw new IOException("no dump store at " + shownWithAbsolutePath(directory())
          + ": give --dir DIR or set $" + ENVIRONMENT_VARIABLE);
    }
    return OfflineDebug.open(directory());
  }

  /** A relative path as given, then absolute: the working directory it was resolved in is not always obvious. */
  private static String shownWithAbsolutePath(Path directory) {
    return directory.isAbsolute() ? directory.toString() : directory + " (" + directory.toAbsolutePath() + ")";
  }

  /**
   * The store to follow: a directory that may not exist yet, or object storage; Chronicle Wire is
   * not started (list it through {@link ChronicleStartup#quietly}).
   */
  DumpStore openForFollowing() throws IOException {
    return inObjectStorage() ? OfflineDebug.open(URI.create(location())) : OfflineDebug.open(directory());
  }

  DumpStore open() throws IOException {
    ChronicleStartup.ensureStarted();
    return OfflineDebug.open(directory());
  }
}
