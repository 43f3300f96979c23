package dev.offlinedebug.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process-wide table of open writers (shared by settings, reference counted) and of the sinks
 * that converters find by directory. Bounded by the number of configured appenders and directories.
 */
final class OpenSinks {
  private static final Map<WriterSettings, SharedWriter> WRITERS = new HashMap<>();
  /** Per directory, the sinks of started appenders, most recently started last. */
  private static final Map<Path, List<DumpSink>> STARTED = new HashMap<>();
  /** Per directory, the sink a converter opened because no appender wrote there; lives until JVM exit. */
  private static final Map<Path, DumpSink> CONVERTER_OWNED = new HashMap<>();
  private static boolean shutdownHookAdded;

  private OpenSinks() {}

  /** Opens (or shares) the writer for {@code settings} and registers the new sink under its directory. */
  static synchronized DumpSink acquire(SinkSettings settings, StatusListener status) throws IOException {
    DumpSink sink = new DumpSink(lease(settings.writer(), status), settings.minLevel(), status);
    STARTED.computeIfAbsent(settings.writer().directory(), d -> new ArrayList<>()).add(sink);
    return sink;
  }

  /** Unregisters {@code sink} and closes its writer when no other sink uses it. */
  static synchronized void release(DumpSink sink) {
    Path dir = sink.directory();
    List<DumpSink> sinks = STARTED.get(dir);
    if (sinks != null && sinks.remove(sink) && sinks.isEmpty()) {
      STARTED.remove(dir);
    }
    SharedWriter shared = sink.shared;
    if (--shared.leases == 0) {
      WRITERS.remove(shared.settings);
      shared.writer.close();
    }
  }

  /**
   * The sink of the most recently started appender writing to {@code directory}; when there is none,
   * a sink with default options that this table opens once per directory and closes at JVM exit.
   *
   * @return {@code null} when the directory cannot be opened (reported to {@code status})
   */
  static synchronized DumpSink forDirectory(Path directory, StatusListener status) {
    Path dir = directory.toAbsolutePath().normalize();
    List<DumpSink> sinks = STARTED.get(dir);
    if (sinks != null) {
      return sinks.get(sinks.size() - 1);
    }
    DumpSink owned = CONVERTER_OWNED.get(dir);
    if (owned == null) {
      try {
        owned = new DumpSink(lease(WriterSettings.defaults(dir), status), DumpOptions.DEFAULT_MIN_LEVEL, status);
      } catch (IOException | RuntimeException e) {
        status.report("cannot open dump directory " + dir + ": " + e, e);
        return null;
      }
      CONVERTER_OWNED.put(dir, owned);
      addShutdownHook();
    }
    return owned;
  }

  private static SharedWriter lease(WriterSettings settings, StatusListener status) throws IOException {
    SharedWriter shared = WRITERS.get(settings);
    if (shared == null) {
      shared = new SharedWriter(settings, DumpWriter.open(settings, status));
      WRITERS.put(settings, shared);
    }
    shared.leases++;
    return shared;
  }

  private static void addShutdownHook() {
    if (shutdownHookAdded) {
      return;
    }
    shutdownHookAdded = true;
    Runtime.getRuntime().addShutdownHook(new Thread(OpenSinks::closeConverterOwned, "offline-debug-shutdown"));
  }

  private static synchronized void closeConverterOwned() {
    CONVERTER_OWNED.values().forEach(DumpSink::close);
    CONVERTER_OWNED.clear();
  }
}
