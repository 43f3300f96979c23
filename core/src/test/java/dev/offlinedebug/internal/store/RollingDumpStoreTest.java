package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingDumpStoreTest {
  @TempDir Path tmp;

  private List<String> write(WriterSettings settings, int count) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      for (int i = 0; i < count; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }
    return ids;
  }

  @Test
  void load_idWrittenByWriter() throws IOException {
    Path dir = tmp.resolve("dumps");
    Throwable thrown = new IllegalStateException("boom \u00e9\ud83d\ude00", new IOException("cause"));
    String id;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      id = writer.write(thrown, LoggedEvent.standalone());
    }
    assertTrue(Pattern.matches("od-[0-9a-z]{9}-[0-9a-z]{6}-[0-9a-z]+", id), id);
    Dump dump = OfflineDebug.open(dir).load(id);
    assertEquals(id, dump.id());
    assertEquals("java.lang.IllegalStateException", dump.exception().root().type());
    assertEquals("boom \u00e9\ud83d\ude00", dump.exception().root().message());
    assertEquals("java.io.IOException", dump.exception().nthCause(1).orElseThrow().type());
    assertEquals(thrown.getStackTrace().length, dump.exception().root().frames().size());
  }

  @Test
  void open_createsPrivateDirectoryAndFiles() throws IOException {
    Path dir = tmp.resolve("a/b/dumps");
    write(StoreTests.noDedup(dir), 1);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    for (Path file : StoreLayout.storeFiles(dir)) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  @Test
  void load_unknownIdIsNotFound() throws IOException {
    Path dir = tmp.resolve("dumps");
    String id = write(StoreTests.noDedup(dir), 1).get(0);
    DumpStore store = OfflineDebug.open(dir);
    for (String unknown : List.of("nonsense", "od-", "od-zzzzzzzzz-zzzzzz-0", id + "x", id.replace("od-", "xx-"))) {
      DumpNotFoundException e = assertThrows(DumpNotFoundException.class, () -> store.load(unknown));
      assertFalse(e instanceof DumpExpiredException, unknown);
    }
    assertThrows(DumpNotFoundException.class, () -> OfflineDebug.open(tmp.resolve("missing")).load(id));
  }

  @Test
  void load_textThatIsNoId_saysSoAndNamesTheIdInsideIt() throws IOException {
    Path dir = tmp.resolve("dumps");
    String id = write(StoreTests.noDedup(dir), 1).get(0);
    DumpStore store = OfflineDebug.open(dir);
    for (String copied : List.of(id + "]", "[dump " + id + "]", id + ",", " " + id)) {
      DumpNotFoundException e = assertThrows(DumpNotFoundException.class, () -> store.load(copied));
      assertEquals("'" + copied + "' is not a dump ID; did you mean " + id + "?", e.getMessage());
      assertEquals(copied, e.id());
      assertEquals(id, store.load(id).id(), "the suggested ID loads");
    }
    String occurrence = id + ".5k7";
    assertTrue(assertThrows(DumpNotFoundException.class, () -> store.occurrences(occurrence + "]")).getMessage()
        .endsWith("did you mean " + occurrence + "?"));
    DumpNotFoundException nonsense = assertThrows(DumpNotFoundException.class, () -> store.load("nonsense"));
    assertEquals("'nonsense' is not a dump ID; a dump ID looks like od-0mx4e2gpl-6yfu9f-0, as in the log line",
        nonsense.getMessage());
    String huge = "x".repeat(1_000_000);
    assertTrue(assertThrows(DumpNotFoundException.class, () -> store.load(huge)).getMessage().length() < 200,
        "an argument of any length is quoted shortened");
    assertEquals("dump od-zzzzzzzzz-zzzzzz-0 not found in " + dir,
        assertThrows(DumpNotFoundException.class, () -> store.load("od-zzzzzzzzz-zzzzzz-0")).getMessage(),
        "an ID of the right shape is looked up and not found");
  }

  @Test
  void load_expiredAfterRetentionBySize() throws IOException {
    Path dir = tmp.resolve("dumps");
    // Every dump rolls a file (max file size 1 byte); the store keeps about two files.
    WriterSettings settings = StoreTests.settings(dir, 1, 1, Duration.ZERO, 1_000_000);
    List<String> ids = write(settings, 6);
    DumpStore store = OfflineDebug.open(dir);
    assertEquals(ids.get(5), store.load(ids.get(5)).id());
    for (String id : ids.subList(0, 4)) {
      assertThrows(DumpExpiredException.class, () -> store.load(id), id);
    }
    assertThrows(DumpNotFoundException.class, () -> store.load("od-000000001-abcdef-0"));
  }

  @Test
  void retention_deletesFilesOlderThanMaxAge() throws IOException {
    Path dir = tmp.resolve("dumps");
    List<String> ids = write(StoreTests.noDedup(dir), 3);
    for (Path file : StoreLayout.storeFiles(dir)) {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - Duration.ofDays(8).toMillis()));
    }
    String fresh = write(StoreTests.noDedup(dir), 1).get(0);
    DumpStore store = OfflineDebug.open(dir);
    for (String id : ids) {
      assertThrows(DumpExpiredException.class, () -> store.load(id));
    }
    assertEquals(fresh, store.load(fresh).id());
    assertEquals(1, store.list().size());
  }

  @Test
  void write_rollsBySize() throws IOException {
    Path dir = tmp.resolve("dumps");
    List<String> ids = write(StoreTests.settings(dir, 8 * 1024, Long.MAX_VALUE, Duration.ZERO, 1_000_000), 20);
    List<Path> files = StoreLayout.storeFiles(dir);
    assertTrue(files.size() > 2, "files: " + files);
    for (Path file : files) {
      assertTrue(Files.size(file) <= 8 * 1024, file + " holds " + Files.size(file));
    }
    DumpStore store = OfflineDebug.open(dir);
    for (String id : ids) {
      assertEquals(id, store.load(id).id());
    }
    assertEquals(ids, store.list().stream().map(DumpSummary::id).toList());
  }

  @Test
  void write_rollsByTime() throws Exception {
    Path dir = tmp.resolve("dumps");
    WriterSettings settings = new WriterSettings(dir, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofSeconds(8),
        Duration.ZERO, 1000, null, dev.offlinedebug.spi.CaptureLimits.DEFAULTS);
    assertEquals(Duration.ofSeconds(1), DumpWriter.rollInterval(settings.maxAge()));
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      writer.write(StoreTests.failure(1), LoggedEvent.standalone());
      long start = System.nanoTime();
      while (System.nanoTime() - start < Duration.ofMillis(1100).toNanos()) {
        Thread.sleep(50);
      }
      writer.write(StoreTests.failure(2), LoggedEvent.standalone());
    }
    assertEquals(2, StoreLayout.storeFiles(dir).size());
  }

  @Test
  void load_damagedRecordIsFormatErrorNamingFileAndOffset() throws IOException {
    Path dir = tmp.resolve("dumps");
    List<String> ids = write(StoreTests.noDedup(dir), 3);
    Path file = StoreLayout.storeFiles(dir).get(0);
    long second = DumpId.parse(ids.get(1)).offset();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      // A length field claiming a gigabyte must be refused, not allocated.
      ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x3FFFFFFF);
      channel.write(header, second);
    }
    DumpStore store = OfflineDebug.open(dir);
    DumpFormatException e = assertThrows(DumpFormatException.class, () -> store.load(ids.get(1)));
    assertEquals(file, e.file());
    assertEquals(second, e.offset());
    assertTrue(e.getMessage().startsWith(file + ": corrupt dump record at offset " + second + ": "), e.getMessage());
    assertNotNull(store.load(ids.get(0)));
    assertEquals(List.of(ids.get(0)), store.list().stream().map(DumpSummary::id).toList());
  }

  @Test
  void load_offsetPastTheEndOfItsFile() throws IOException {
    Path dir = tmp.resolve("dumps");
    DumpId written = DumpId.parse(write(StoreTests.noDedup(dir), 1).get(0));
    DumpStore store = OfflineDebug.open(dir);

    for (long offset : List.of(written.offset() + 1, 1L << 20, Long.MAX_VALUE >> 8)) {
      String id = new DumpId(written.file(), offset).text();
      assertThrows(DumpNotFoundException.class, () -> store.load(id), id);
    }
  }

  @Test
  void list_fifoInTheStoreIsSkipped() throws Exception {
    Path dir = tmp.resolve("dumps");
    String id = write(StoreTests.noDedup(dir), 1).get(0);
    Path fifo = dir.resolve("od-fifo" + StoreLayout.SUFFIX);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());

    // Only a hang guard: opening the FIFO would block until a writer opens it.
    List<DumpSummary> listed = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> OfflineDebug.open(dir).list());
    assertEquals(List.of(id), listed.stream().map(DumpSummary::id).toList());
  }
}
