package dev.offlinedebug;

import dev.offlinedebug.internal.store.RemoteDumpStore;
import dev.offlinedebug.internal.store.RollingDumpStore;
import dev.offlinedebug.internal.store.StandaloneDumpFile;
import dev.offlinedebug.spi.FrameReplay;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Entry point of the Java API: write standalone dumps, open dump stores, load, rebuild, rethrow and
 * replay dumps.
 *
 * <pre>{@code
 * try {
 *   process(order);
 * } catch (RuntimeException e) {
 *   OfflineDebug.save(e, Path.of("failure.dump"));
 * }
 * // later, anywhere:
 * Dump dump = OfflineDebug.load(Path.of("failure.dump"));
 * OfflineDebug.rethrow(Path.of("failure.dump"));
 * }</pre>
 *
 * @since 0.1
 */
public final class OfflineDebug {
  private OfflineDebug() {}

  /**
   * Captures {@code t} (with the locals the agent recorded for it) and writes it as a standalone
   * single-dump file, replacing {@code file}.
   *
   * @return the dump's ID; never null
   */
  public static String save(Throwable t, Path file) throws IOException {
    return StandaloneDumpFile.save(t, file);
  }

  /**
   * Captures {@code t} and writes it as a standalone single dump to {@code out}, which stays open.
   *
   * @return the dump's ID; never null
   */
  public static String save(Throwable t, OutputStream out) throws IOException {
    return StandaloneDumpFile.save(t, out);
  }

  /**
   * Loads a standalone dump written by {@link #save(Throwable, Path)}.
   *
   * @throws DumpFormatException when the file is not an intact dump
   */
  public static Dump load(Path file) throws IOException {
    return StandaloneDumpFile.load(file);
  }

  /**
   * Opens the dump store in {@code directory} for reading. Opening is cheap and reads nothing yet.
   *
   * @return never null
   */
  public static DumpStore open(Path directory) {
    return RollingDumpStore.open(directory);
  }

  /**
   * Opens the store at {@code location} for reading: a {@code file:} URI or a URI without scheme
   * names a directory as {@link #open(Path)} does; {@code s3://bucket[/prefix]} names the copy that
   * the {@code upload} option ships to object storage, and needs {@code offline-debug-s3} on the
   * class path (credentials, region and endpoint from the standard AWS chain). Loading one dump
   * from a bucket is one ranged read, however many objects it holds.
   *
   * <pre>{@code
   * Dump dump = OfflineDebug.open(URI.create("s3://acme-dumps/checkout")).load(id);
   * }</pre>
   *
   * @return never null
   * @throws IOException when no module on the class path serves the location's scheme, or its
   *     client cannot be configured (no region, for example)
   */
  public static DumpStore open(URI location) throws IOException {
    if (location.getScheme() == null) {
      return open(Path.of(location.getPath()));
    }
    if (location.getScheme().equals("file")) {
      return open(Path.of(location));
    }
    return RemoteDumpStore.open(location);
  }

  /** Loads the standalone dump {@code file} and throws its {@linkplain Dump#rebuild() rebuilt} throwable. */
  public static void rethrow(Path file) throws Throwable {
    throw load(file).rebuild();
  }

  /** Loads dump {@code id} from the store in {@code directory} and throws its rebuilt throwable. */
  public static void rethrow(Path directory, String id) throws Throwable {
    throw open(directory).load(id).rebuild();
  }

  /**
   * Throws the rebuilt throwable of {@code dump} through generated frames that carry the original
   * class, method, source file and line names and hold the captured locals, so that a debugger
   * stopping on the exception shows the original stack and variables.
   *
   * <p>Frames of JDK classes are left out of the replayed stack (only the JDK may define classes
   * in its packages): the frame that called into the JDK throws at its own line. Needs the module
   * {@code dev.offlinedebug:offline-debug-replay} on the class path. See its {@code Replayer} for
   * what a debugger sees, and its {@code ReplayLauncher} to replay in a JVM a debugger attaches to.
   *
   * @param cause which stack to replay: {@code 0} for the logged throwable, {@code n} for its n-th
   *     cause
   * @throws IllegalArgumentException when the cause chain is shorter than {@code cause}
   * @throws IllegalStateException when {@code offline-debug-replay} is not on the class path
   * @throws Throwable always: the rebuilt throwable (the {@code cause}-th cause of {@link
   *     Dump#rebuild()}), whose printed stack trace is the original's
   */
  public static void replay(Dump dump, int cause) throws Throwable {
    FrameReplay frames = ServiceLoader.load(FrameReplay.class, OfflineDebug.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("OfflineDebug.replay needs dev.offlinedebug:offline-debug-replay"
            + " on the class path; OfflineDebug.rethrow throws the same exception without replayed frames"));
    frames.replay(dump.exception(), cause, dump.rebuild());
  }

  /** Loads the standalone dump {@code file} and {@linkplain #replay(Dump, int) replays} it. */
  public static void replay(Path file, int cause) throws Throwable {
    replay(load(file), cause);
  }

  /** Loads dump {@code id} from the store in {@code directory} and {@linkplain #replay(Dump, int) replays} it. */
  public static void replay(Path directory, String id, int cause) throws Throwable {
    replay(open(directory).load(id), cause);
  }
}
