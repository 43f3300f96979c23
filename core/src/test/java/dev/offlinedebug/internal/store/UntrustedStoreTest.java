package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store directory someone else could write into, and what may be planted in one. */
class UntrustedStoreTest {
  /** Only a hang guard: each case takes well under a second when it does not hang. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);
  private static final Pattern LEDGER_LINE = Pattern.compile("[0-9a-z]{9}-[0-9a-z]{6}");

  @TempDir Path root;
  private Path dir;

  @BeforeEach
  void posixOnly() throws IOException {
    assumeTrue(Files.getFileStore(root).supportsFileAttributeView("posix"), "POSIX permissions only");
    dir = root.resolve("dumps");
  }

  @Test
  void open_worldWritableDirectory_refusedWithOneStatusLine() throws IOException {
    Files.createDirectory(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    StoreTests.Reports reports = writeTwo();

    assertEquals(List.of("cannot write dumps to " + dir + ", dropping them until it works again: refused because any"
        + " user can write to it (rwxrwxrwx); remove write permission for others (chmod o-w)"), reports.messages);
    assertEquals(List.of(), reports.causes, "a condition the user fixes, reported without a stack trace");
    assertEquals(List.of(), StoreLayout.storeFiles(dir));
    assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "not ours to change");
  }

  @Test
  void open_directoryOwnedByAnotherUser_refusedWithOneStatusLine() throws IOException {
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    UserPrincipal nobody;
    try {
      nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(dir, nobody);
    } catch (IOException notPermitted) {
      assumeTrue(false, "only a privileged user can give a directory away: " + notPermitted);
      return;
    }

    StoreTests.Reports reports = writeTwo();

    assertEquals(1, reports.count(dir + ", dropping them until it works again: refused because it is owned by nobody"), reports.messages.toString());
    assertEquals(List.of(), StoreLayout.storeFiles(dir));
  }

  @Test
  void write_createsDirectory0700AndEveryFile0600() throws IOException {
    Files.createDirectory(root.resolve("logs"));
    dir = root.resolve("logs/dumps");
    rollAndExpire(3);

    assertEquals("rwx------", mode(dir));
    List<Path> files = StoreLayout.storeFiles(dir);
    assertTrue(!files.isEmpty());
    for (Path file : files) {
      assertEquals("rw-------", mode(file), file.toString());
    }
    assertEquals("rw-------", mode(dir.resolve(StoreLayout.EXPIRED_LEDGER)));
  }

  @Test
  void openAndList_fifoNamedLikeAStoreFile_skippedWithoutHanging() throws Exception {
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path fifo = dir.resolve("0000000aa-bbbbbb.odump");
    mkfifo(fifo);

    assertTimeoutPreemptively(HANG_GUARD, () -> {
      List<String> ids = rollAndExpire(2);
      assertEquals(List.of(ids.get(1)), OfflineDebug.open(dir).list().stream().map(s -> s.id()).toList());
    });
    assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS), "not ours: left alone");
  }

  @Test
  void retention_symlinkedLedger_notFollowedAndReported() throws Exception {
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path target = root.resolve("victim.txt");
    Files.writeString(target, "precious\n");
    Files.createSymbolicLink(dir.resolve(StoreLayout.EXPIRED_LEDGER), target);

    StoreTests.Reports reports = new StoreTests.Reports();
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 1, 1, Duration.ZERO, 1000), reports)) {
      for (int i = 0; i < 3; i++) {
        assertNotNull(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
    }

    assertEquals("precious\n", Files.readString(target));
    assertEquals(1, reports.count("expired.log is not a regular file"), reports.messages.toString());
  }

  @Test
  void retention_fileNameWithNewline_neverWrittenToTheLedger() throws IOException {
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path planted = dir.resolve("0000000aa-bbbbbb\n0000000cc-dddddd.odump");
    Files.writeString(planted, "not a store file");

    rollAndExpire(3);

    for (String line : Files.readAllLines(dir.resolve(StoreLayout.EXPIRED_LEDGER))) {
      assertTrue(LEDGER_LINE.matcher(line).matches(), "ledger line " + line);
    }
    assertTrue(Files.exists(planted), "not ours: left alone");
  }

  @Test
  void load_ledgerIsAFifo_notFoundWithoutHanging() throws Exception {
    String gone = expiredId();
    Files.delete(dir.resolve(StoreLayout.EXPIRED_LEDGER));
    mkfifo(dir.resolve(StoreLayout.EXPIRED_LEDGER));

    assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DumpNotFoundException.class, () -> OfflineDebug.open(dir).load(gone)));
  }

  @Test
  void load_ledgerLinkedToDevZero_notFoundWithoutRunningOutOfMemory() throws Exception {
    String gone = expiredId();
    Files.delete(dir.resolve(StoreLayout.EXPIRED_LEDGER));
    Files.createSymbolicLink(dir.resolve(StoreLayout.EXPIRED_LEDGER), Path.of("/dev/zero"));

    assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DumpNotFoundException.class, () -> OfflineDebug.open(dir).load(gone)));
  }

  /** The ID of a dump retention deleted; the ledger says so. */
  private String expiredId() throws IOException {
    String first = rollAndExpire(3).get(0);
    assertThrows(dev.offlinedebug.DumpExpiredException.class, () -> OfflineDebug.open(dir).load(first));
    return first;
  }

  /** Writes {@code n} dumps, one per file, into a store of one byte total size: older files expire. */
  private List<String> rollAndExpire(int n) throws IOException {
    try (DumpWriter writer = DumpWriter.open(StoreTests.settings(dir, 1, 1, Duration.ZERO, 1000), StatusListener.IGNORE)) {
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
      }
      return ids;
    }
  }

  private StoreTests.Reports writeTwo() throws IOException {
    StoreTests.Reports reports = new StoreTests.Reports();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), reports)) {
      assertNull(writer.write(StoreTests.failure(0), LoggedEvent.standalone()));
      assertNull(writer.write(StoreTests.failure(1), LoggedEvent.standalone()));
    }
    return reports;
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  private static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
  }
}
