package dev.offlinedebug.junit5;

import dev.offlinedebug.Dump;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine run's {@link DumpWriter} for one directory. It lives in the root context's store, so
 * JUnit closes it when the run ends: through {@link AutoCloseable} on JUnit 5.13 and later, through
 * the deprecated {@code CloseableResource} on older versions (which users still run, since they
 * bring their own JUnit).
 */
@SuppressWarnings("deprecation")
final class StoredWriter implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StoredWriter.class);

  /** Null when the store could not be opened; the problem was reported then, once. */
  private final DumpWriter writer;

  private StoredWriter(DumpWriter writer) {
    this.writer = writer;
  }

  /**
   * The writer for {@code settings}' directory in {@code context}'s engine run, opened on first use
   * so that a run without failures never initialises the store.
   */
  static StoredWriter of(ExtensionContext context, WriterSettings settings) {
    Path directory = settings.directory().toAbsolutePath().normalize();
    return context.getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            directory, key -> open(settings, ConsoleStatus.INSTANCE), StoredWriter.class);
  }

  private static StoredWriter open(WriterSettings settings, StatusListener status) {
    try {
      return new StoredWriter(DumpWriter.open(settings, status));
    } catch (IOException | RuntimeException | LinkageError e) {
      status.report("cannot open the dump store " + settings.directory() + "; no test failure is dumped", e);
      return new StoredWriter(null);
    }
  }

  /**
   * See {@link DumpWriter#write(Throwable, LoggedEvent, Consumer)}: the dump ID, or null when
   * nothing was written. Never throws.
   */
  String write(Throwable thrown, LoggedEvent event, Consumer<Dump> written) {
    return writer == null ? null : writer.write(thrown, event, written);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
