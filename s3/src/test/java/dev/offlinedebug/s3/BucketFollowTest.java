package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpFeed;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a bucket ({@code tail}) against a real S3-compatible server: it starts with one listing
 * and no object read however many the bucket holds, then reads only the objects that grew, and gives
 * each new dump once, a record uploaded in part once it is whole.
 */
class BucketFollowTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();
  private static final String PREFIX = "follow/";

  @TempDir Path temp;

  @Test
  void follow_readsOnlyGrownObjects_andGivesEachNewDumpOnce() throws Exception {
    List<String> old = write(temp.resolve("old"), 3);
    List<String> growing = write(temp.resolve("growing"), 10);
    List<String> later = write(temp.resolve("later"), 2);
    byte[] whole = Files.readAllBytes(temp.resolve("growing").resolve(S3UploadTest.storeFile(growing.get(0))));
    putAll(temp.resolve("old"), old.get(0));
    // The growing file as the uploader can catch it: cut inside a record.
    put(growing.get(0), Arrays.copyOf(whole, (int) offset(growing.get(3)) + 10));
    S3.server().takeReads();

    DumpFeed feed = DumpFeed.follow(OfflineDebug.open(URI.create("s3://dumps/follow")));
    assertEquals(List.of(), S3.server().takeReads(), "following starts with a listing only");
    assertEquals(List.of(), ids(feed.poll()), "nothing grew");
    assertEquals(List.of(), S3.server().takeReads());

    put(growing.get(0), Arrays.copyOf(whole, (int) offset(growing.get(7)) + 10));
    // The dump cut at the start was logged before following began; those after it are new.
    assertEquals(growing.subList(4, 7), ids(feed.poll()));
    assertEquals(List.of(PREFIX + S3UploadTest.storeFile(growing.get(0))), S3.server().takeReads(),
        "only the object that grew is read");

    put(growing.get(0), whole);
    putAll(temp.resolve("later"), later.get(0));
    List<String> expected = new ArrayList<>(growing.subList(7, 10));
    expected.addAll(later);
    assertEquals(expected.stream().sorted().toList(), ids(feed.poll()).stream().sorted().toList(),
        "the record uploaded in part, once whole, and a new object's dumps");
    assertEquals(List.of(), ids(feed.poll()));
  }

  /** Writes {@code count} dumps into one store file of {@code dir}, without uploading; their IDs. */
  private static List<String> write(Path dir, int count) throws Exception {
    WriterSettings settings = new WriterSettings(dir, 16L << 20, Long.MAX_VALUE, Duration.ofDays(7), Duration.ZERO,
        1_000, "s3-test", CaptureLimits.DEFAULTS);
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings, StatusListener.IGNORE)) {
      for (int i = 0; i < count; i++) {
        ids.add(writer.write(Failures.unsupported(i), LoggedEvent.standalone()));
      }
    }
    return ids;
  }

  /** Uploads the store file holding dump {@code id} whole, without its summary (listing scans it). */
  private static void putAll(Path dir, String id) throws Exception {
    put(id, Files.readAllBytes(dir.resolve(S3UploadTest.storeFile(id))));
  }

  private static void put(String id, byte[] bytes) {
    S3.server().put(PREFIX + S3UploadTest.storeFile(id), bytes);
  }

  private static long offset(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1), 36);
  }

  private static List<String> ids(List<DumpFeed.Logged> summaries) {
    return summaries.stream().map(logged -> logged.line().id()).toList();
  }
}
