package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store directory disappearing, or missing at start, while a writer is open. */
class StoreDirectoryTest {
  @TempDir Path root;

  @Test
  void write_afterDirectoryDeleted_restoresItWithEveryDumpAndReportsOnce() throws IOException {
    Path dir = root.resolve("logs/dumps");
    StoreTests.Reports reports = new StoreTests.Reports();
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), reports)) {
      ids.add(writer.write(StoreTests.failure(0), LoggedEvent.standalone()));
      deleteRecursively(root.resolve("logs"));
      for (int i = 1; i <= 5; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }
    assertTrue(Files.isDirectory(dir), "the directory is recreated");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }
    for (String id : ids) {
      assertNotNull(id);
      assertEquals(id, OfflineDebug.open(dir).load(id).id());
    }
    assertEquals(1, reports.count("deleted"), reports.messages.toString());
  }

  @Test
  void write_storeFileDeletedOnceCheckIsDue_restoresItAndGoesOnInIt() throws Exception {
    StoreTests.Reports reports = new StoreTests.Reports();
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(root), reports)) {
      ids.add(writer.write(StoreTests.failure(0), LoggedEvent.standalone()));
      for (Path file : StoreLayout.storeFiles(root)) {
        Files.delete(file);
      }
      // Past the interval, the next write checks the file first: it restores it, then appends to it.
      Thread.sleep(StoreFile.LINK_CHECK_NANOS / 1_000_000 + 50);
      ids.add(writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
      assertEquals(1, reports.count("deleted"), reports.messages.toString());
      assertEquals(1, StoreLayout.storeFiles(root).size(), "the same file, restored");
      for (String id : ids) {
        assertEquals(id, OfflineDebug.open(root).load(id).id(), "loads while the writer is still open");
      }
    }
    assertEquals(1, reports.count("deleted"), reports.messages.toString());
  }

  @Test
  void write_storeFileReplacedByAnother_leavesItAndGoesOnInANewFile() throws Exception {
    StoreTests.Reports reports = new StoreTests.Reports();
    String later;
    Path replaced;
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(root), reports)) {
      writer.write(StoreTests.failure(0), LoggedEvent.standalone());
      replaced = StoreLayout.storeFiles(root).get(0);
      Path other = root.resolve("other");
      Files.writeString(other, "someone else's file");
      Files.move(other, replaced, StandardCopyOption.REPLACE_EXISTING);
      Thread.sleep(StoreFile.LINK_CHECK_NANOS / 1_000_000 + 50);
      later = writer.write(StoreTests.failure(1), LoggedEvent.standalone());
    }
    assertEquals("someone else's file", Files.readString(replaced), "not ours to restore or write to");
    assertEquals(later, OfflineDebug.open(root).load(later).id());
    assertEquals(1, reports.count("replaced while in use"), reports.messages.toString());
  }

  @Test
  void write_directoryUncreatableAtOpen_retriesAndWritesOnceItCanBeCreated() throws IOException {
    Path blocker = root.resolve("blocker");
    Files.writeString(blocker, "a regular file where the store's parent directory should be");
    Path dir = blocker.resolve("dumps");
    StoreTests.Reports reports = new StoreTests.Reports();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), reports)) {
      assertNull(writer.write(StoreTests.failure(0), LoggedEvent.standalone()));
      assertNull(writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
      assertEquals(List.of("cannot write dumps to " + dir + ", dropping them until it works again: Not a directory"),
          reports.messages);
      assertEquals(List.of(), reports.causes, "a condition the user fixes, reported without a stack trace");

      Files.delete(blocker);
      String id = writer.write(StoreTests.failure(2), LoggedEvent.standalone());

      assertNotNull(id);
      assertEquals(id, OfflineDebug.open(dir).load(id).id());
      assertEquals(1, reports.count("writing dumps to " + dir + " works again"), reports.messages.toString());
    }
  }

  static void deleteRecursively(Path top) throws IOException {
    try (Stream<Path> all = Files.walk(top)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
