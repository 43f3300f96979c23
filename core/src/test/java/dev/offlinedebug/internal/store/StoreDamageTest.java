package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid store file cut at every byte offset, and with random bytes flipped. */
class StoreDamageTest {
  @TempDir Path dir;
  private final List<String> ids = new ArrayList<>();
  private final List<Dump> originals = new ArrayList<>();
  private Path file;
  private byte[] intact;

  @BeforeEach
  void writeThreeDumps() throws Exception {
    // Made on a fresh thread, the failures have short stacks: a small file to cut at every byte.
    List<Throwable> failures = new ArrayList<>();
    Thread maker = new Thread(() -> {
      for (int i = 0; i < 3; i++) {
        failures.add(StoreTests.failure(i));
      }
    });
    maker.start();
    maker.join();
    try (DumpWriter writer = DumpWriter.open(StoreTests.noDedup(dir), StatusListener.IGNORE)) {
      for (Throwable failure : failures) {
        ids.add(writer.write(failure, LoggedEvent.standalone()));
      }
    }
    file = StoreLayout.storeFiles(dir).get(0);
    intact = Files.readAllBytes(file);
    assertTrue(intact.length < 2000, "file of " + intact.length + " bytes");
    for (String id : ids) {
      originals.add(OfflineDebug.open(dir).load(id));
    }
  }

  /** Where record {@code i} ends: the next record's offset, or the file's end. */
  private long end(int i) {
    return i + 1 < ids.size() ? DumpId.parse(ids.get(i + 1)).offset() : intact.length;
  }

  @Test
  void load_fileTruncatedAtEveryOffset() throws IOException {
    DumpStore store = OfflineDebug.open(dir);
    for (int length = 0; length < intact.length; length++) {
      Files.write(file, Arrays.copyOf(intact, length));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        if (end(i) <= length) {
          expected.add(ids.get(i));
          assertEquals(originals.get(i), store.load(ids.get(i)));
        } else if (DumpId.parse(ids.get(i)).offset() >= length) {
          // The ID points past the end of the file: no record is there, damaged or not.
          assertThrows(DumpNotFoundException.class, () -> store.load(id), "cut at " + length);
        } else {
          expectFormatError(store, ids.get(i), length);
        }
      }
      assertEquals(expected, store.list().stream().map(DumpSummary::id).toList(), "cut at " + length);
    }
  }

  @Test
  void load_randomBytesFlipped() throws IOException {
    DumpStore store = OfflineDebug.open(dir);
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      byte[] damaged = intact.clone();
      int flips = 1 + random.nextInt(3);
      int first = Integer.MAX_VALUE;
      for (int f = 0; f < flips; f++) {
        int at = random.nextInt(damaged.length);
        damaged[at] ^= (byte) (1 + random.nextInt(255));
        first = Math.min(first, at);
      }
      Files.write(file, damaged);
      for (int i = 0; i < ids.size(); i++) {
        if (end(i) <= first) {
          assertEquals(originals.get(i), store.load(ids.get(i)), "round " + round);
        } else {
          try {
            assertEquals(originals.get(i), store.load(ids.get(i)), "round " + round);
          } catch (DumpFormatException expected) {
            assertEquals(file, expected.file());
          }
        }
      }
      List<String> listed = store.list().stream().map(DumpSummary::id).toList();
      for (int i = 0; i < ids.size() && end(i) <= first; i++) {
        assertTrue(listed.contains(ids.get(i)), "round " + round + " lost intact " + ids.get(i));
      }
    }
  }

  private static void expectFormatError(DumpStore store, String id, int length) throws IOException {
    try {
      store.load(id);
      fail(id + " loaded from a file cut at " + length);
    } catch (DumpFormatException expected) {
      assertTrue(expected.getMessage().contains("offset " + DumpId.parse(id).offset()), expected.getMessage());
    }
  }
}
