package dev.offlinedebug.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterStoreTest {
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final StatusListener status = (message, cause) -> reports.add(message);

  @TempDir Path dir;

  /** Appenders as (name, start order) pairs, listed in start order as the frameworks keep them. */
  private record Named(String name, int started) {}

  private static final Function<Named, String> NAME = Named::name;

  @Test
  void bareOption_choosesTheFirstByNameWhateverTheStartOrder() {
    List<Named> started = List.of(new Named("Beta", 1), new Named("Alpha", 2), new Named("Gamma", 3));

    assertEquals(new Named("Alpha", 2), new ConverterStore(null, status).chooseAppender(started, NAME));
    assertEquals(new Named("Alpha", 2), new ConverterStore("  ", status).chooseAppender(started, NAME));
  }

  @Test
  void namedOption_choosesTheMostRecentlyStartedOfThatName() {
    List<Named> started = List.of(new Named("Dumps", 1), new Named("Other", 2), new Named("Dumps", 3));

    assertEquals(new Named("Dumps", 3), new ConverterStore("Dumps", status).chooseAppender(started, NAME));
    assertNull(new ConverterStore("Missing", status).chooseAppender(started, NAME));
  }

  @Test
  void directorySink_whenTheBorrowedAppenderSinkCloses_takesAnOpenOne() throws Exception {
    DumpSink appenders = OpenSinks.acquire(
        new SinkSettings(WriterSettings.defaults(dir), DumpOptions.DEFAULT_MIN_LEVEL), status);
    ConverterStore store = new ConverterStore(dir.toString(), status);
    assertSame(appenders, store.directorySink(), "the started appender's sink for that directory");

    appenders.close();
    DumpSink next = store.directorySink();

    assertNotNull(next);
    assertNotSame(appenders, next);
    assertTrue(next.isOpen());
    assertEquals(dir.toAbsolutePath().normalize(), next.directory());
    assertEquals(List.of(), reports);
  }

  @Test
  void directorySink_invalidPath_reportedOnce() {
    ConverterStore store = new ConverterStore("bad\0dir", status);

    assertNull(store.directorySink());
    assertNull(store.directorySink());

    assertEquals(1, reports.size(), reports.toString());
    assertTrue(reports.get(0).startsWith("'bad\0dir' names no appender of ours and is not a valid directory"),
        reports.get(0));
  }
}
