package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Retention} on real files: what {@code maxTotalSize} counts. */
class RetentionTest {
  @TempDir Path directory;

  @Test
  void maxTotalSize_countsEachStoreFilesSummary() throws Exception {
    List<String> errors = new ArrayList<>();
    Path older = storeFile("0mx00000a-aaaaaa", 1000, 600, Instant.now().minusSeconds(60));
    Path newer = storeFile("0mx00000b-bbbbbb", 1000, 600, Instant.now());
    // 2,000 bytes of store files fit 3,000; with their summaries (3,200) they do not.
    new Retention(directory, 3000, Duration.ofDays(7), new StatusReports("test", (m, e) -> errors.add(m)),
        (name, size) -> false).apply();

    assertFalse(Files.exists(older), "the oldest store file goes");
    assertFalse(Files.exists(summary(older)), "and its summary with it");
    assertTrue(Files.exists(newer) && Files.exists(summary(newer)));
    assertEquals(List.of(), errors);
  }

  private Path storeFile(String key, int size, int summarySize, Instant modified) throws Exception {
    Path file = Files.write(directory.resolve(key + StoreLayout.SUFFIX), new byte[size]);
    Files.write(summary(file), new byte[summarySize]);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static Path summary(Path storeFile) {
    return storeFile.resolveSibling(StoreLayout.summaryName(storeFile.getFileName().toString()));
  }
}
