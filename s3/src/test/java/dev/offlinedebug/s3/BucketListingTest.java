package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpFeed;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Listing a bucket from the per-store-file summaries the uploader ships, against a real
 * S3-compatible server: the same lines, occurrences and counters as scanning the local store, without
 * reading the store-file objects, and a scan whenever a summary cannot be trusted.
 */
class BucketListingTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @TempDir Path temp;

  @Test
  void list_withSummaries_sameAsLocalScanWithoutReadingStoreFiles() throws Exception {
    Path dir = temp.resolve("dumps");
    List<DumpSummary> local = writeAndList(dir, "summaries", 2 << 10);
    List<Path> storeFiles = storeFiles(dir);
    assertTrue(storeFiles.size() > 1, storeFiles::toString);
    // Each store object keeps its size but loses its records: a listing that read one would miss its dumps.
    for (Path file : storeFiles) {
      String name = file.getFileName().toString();
      assertTrue(S3.server().has("summaries/" + summaryName(name)), name);
      S3.server().put("summaries/" + name, new byte[(int) Files.size(file)]);
    }
    S3.server().takeReads();
    DumpStore bucket = OfflineDebug.open(URI.create("s3://dumps/summaries"));
    assertEquals(local, bucket.list());
    // One GET per store file, of its summary; listed again (a serve page), nothing unchanged is read.
    assertEquals(storeFiles.stream().map(f -> "summaries/" + summaryName(f.getFileName().toString())).toList(),
        S3.server().takeReads());
    assertEquals(local, bucket.list());
    assertEquals(List.of(), S3.server().takeReads());
  }

  @Test
  void newestFirst_sameDumpsAndOccurrencesAsList_newestFirst() throws Exception {
    Path dir = temp.resolve("dumps");
    List<DumpSummary> local = writeAndList(dir, "newest", 2 << 10);
    DumpStore bucket = OfflineDebug.open(URI.create("s3://dumps/newest"));

    List<DumpSummary> newest = bucket.newestFirst(null).toList();
    assertEquals(Set.copyOf(local), Set.copyOf(newest));
    assertEquals(local.size(), newest.size());
    for (int i = 1; i < newest.size(); i++) {
      assertFalse(newest.get(i).time().isAfter(newest.get(i - 1).time()), newest::toString);
    }
    assertEquals(List.of(), bucket.newestFirst(Instant.now().plusSeconds(3600)).toList());
  }

  /** What {@code tail -n} prints before it follows a bucket comes from the listing following starts with. */
  @Test
  void follow_newestFirstOfWhatTheBucketHeld_listsItOnce() throws Exception {
    writeAndList(temp.resolve("dumps"), "followed", 2 << 10);
    List<DumpSummary> expected;
    try (Stream<DumpSummary> newest = OfflineDebug.open(URI.create("s3://dumps/followed")).newestFirst(null)) {
      expected = newest.limit(2).toList();
    }
    S3.server().takeListings();

    DumpFeed feed = DumpFeed.follow(OfflineDebug.open(URI.create("s3://dumps/followed")));
    try (Stream<DumpSummary> newest = feed.newestFirst(null)) {
      assertEquals(expected, newest.limit(2).toList());
    }
    assertEquals(List.of(S3Server.BUCKET), S3.server().takeListings(), "one listing, to follow and for the newest");
    assertEquals(List.of(), feed.poll());
    assertEquals(List.of(S3Server.BUCKET), S3.server().takeListings());
  }

  /** More store files than summaries read ahead at once: the listing is the local store's, in its order. */
  @Test
  void newestFirst_readingAhead_sameAsLocalStore() throws Exception {
    Path dir = temp.resolve("dumps");
    WriterSettings settings = new WriterSettings(dir, 2 << 10, Long.MAX_VALUE, Duration.ofDays(7), Duration.ZERO,
        Integer.MAX_VALUE, "s3-test", CaptureLimits.DEFAULTS, URI.create("s3://dumps/ahead"));
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      for (int i = 0; i < 40; i++) {
        writer.write(new IllegalStateException("order " + i + " failed"), LoggedEvent.standalone());
      }
    }
    int storeFiles = storeFiles(dir).size();
    assertTrue(storeFiles > 10, storeFiles + " store files");
    DumpStore local = OfflineDebug.open(dir);
    DumpStore bucket = OfflineDebug.open(URI.create("s3://dumps/ahead"));
    Instant since = local.list().get(20).time();
    for (Instant from : Arrays.asList(null, since)) {
      try (Stream<DumpSummary> expected = local.newestFirst(from); Stream<DumpSummary> newest = bucket.newestFirst(from)) {
        assertEquals(expected.toList(), newest.toList());
      }
    }
    try (Stream<DumpSummary> expected = local.newestFirst(null); Stream<DumpSummary> newest = bucket.newestFirst(null)) {
      assertEquals(expected.limit(3).toList(), newest.limit(3).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "lagging", "torn", "flipped", "garbage", "oversized"})
  void list_summaryMissingStaleOrDamaged_scansTheStoreFile(String damage) throws Exception {
    Path dir = temp.resolve("dumps");
    String prefix = "damaged-" + damage;
    List<DumpSummary> local = writeAndList(dir, prefix, Long.MAX_VALUE);
    List<Path> storeFiles = storeFiles(dir);
    assertEquals(1, storeFiles.size(), storeFiles::toString);
    String key = prefix + "/" + summaryName(storeFiles.get(0).getFileName().toString());
    byte[] summary = S3.server().get(key);
    int firstEntryEnds = 4 + 4 + ByteBuffer.wrap(summary, 4, 4).getInt() + 4;
    switch (damage) {
      case "missing" -> S3.server().remove(key);
      case "lagging" -> S3.server().put(key, Arrays.copyOf(summary, firstEntryEnds)); // describes the first record only
      case "torn" -> S3.server().put(key, Arrays.copyOf(summary, summary.length - 3));
      case "flipped" -> {
        summary[firstEntryEnds + 20] ^= 0x40;
        S3.server().put(key, summary);
      }
      case "garbage" -> {
        new Random(7).nextBytes(summary);
        S3.server().put(key, summary);
      }
      case "oversized" -> S3.server().put(key, Arrays.copyOf(summary, (8 << 20) + 1));
      default -> throw new IllegalArgumentException(damage);
    }
    S3.server().takeReads();
    assertEquals(local, OfflineDebug.open(URI.create("s3://dumps/" + prefix)).list());
    assertTrue(S3.server().takeReads().contains(prefix + "/" + storeFiles.get(0).getFileName()), "scanned");
  }

  @Test
  void retention_deletesSummariesWithTheirStoreFiles_onceBothAreUploaded() throws Exception {
    Path dir = temp.resolve("dumps");
    WriterSettings settings = new WriterSettings(dir, 2 << 10, 1, Duration.ofDays(7), Duration.ZERO, 1000, "s3-test",
        CaptureLimits.DEFAULTS, URI.create("s3://dumps/retained"));
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      ids.add(writer.write(new IllegalStateException("first"), LoggedEvent.standalone()));
      Path first = dir.resolve(S3UploadTest.storeFile(ids.get(0)));
      // Each dump rolls the file (maxFileSize 2 KB) and runs retention (maxTotalSize 1 byte).
      Eventually.await("the first store file deleted once uploaded", () -> {
        ids.add(writer.write(new IllegalStateException("next " + ids.size()), LoggedEvent.standalone()));
        return !Files.exists(first);
      });
      assertFalse(Files.exists(dir.resolve(summaryName(first.getFileName().toString()))));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        assertTrue(!name.endsWith(".odsum") || Files.exists(dir.resolve(name.replace(".odsum", ".odump"))), name);
      }
    }
    for (String id : ids) {
      String name = S3UploadTest.storeFile(id);
      S3.server().put("retained/" + name, new byte[(int) S3.server().size("retained/" + name)]);
    }
    assertEquals(ids, OfflineDebug.open(URI.create("s3://dumps/retained")).list().stream().map(DumpSummary::id)
        .toList());
  }

  /**
   * Writes failures with repeats (occurrence records, and counter records past {@code
   * maxDumpsPerSecond}) uploading to {@code s3://dumps/prefix}, and lists the local store.
   */
  private static List<DumpSummary> writeAndList(Path dir, String prefix, long maxFileSize) throws Exception {
    WriterSettings settings = new WriterSettings(dir, maxFileSize, Long.MAX_VALUE, Duration.ofDays(7),
        Duration.ofMinutes(5), 3, "s3-test", CaptureLimits.DEFAULTS, URI.create("s3://dumps/" + prefix));
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      writer.write(Failures.orderFailure(), LoggedEvent.standalone());
      for (int i = 0; i < 12; i++) {
        writer.write(Failures.declined("C-" + i, 30_000 + i), LoggedEvent.standalone());
      }
      writer.write(new IllegalArgumentException("last"), LoggedEvent.standalone());
    }
    List<DumpSummary> local = OfflineDebug.open(dir).list();
    assertEquals(3, local.size(), local::toString);
    assertEquals(12, local.get(1).occurrences(), local::toString);
    return local;
  }

  private static List<Path> storeFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".odump")).sorted().toList();
    }
  }

  private static String summaryName(String storeFile) {
    return storeFile.replace(".odump", ".odsum");
  }
}
