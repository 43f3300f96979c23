package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload and the bucket loader in this JVM against a real S3-compatible server; the client
 * finds credentials, region and endpoint in the AWS chain's system properties.
 */
class S3UploadTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @TempDir Path temp;

  @Test
  void load_afterCleanClose_fromBucketWithoutLocalDirectory() throws Exception {
    URI bucket = URI.create("s3://dumps/clean");
    Path dir = temp.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, Long.MAX_VALUE), StatusListener.IGNORE)) {
      ids.add(writer.write(Failures.orderFailure(), LoggedEvent.standalone()));
      ids.add(writer.write(new IllegalArgumentException("second"), LoggedEvent.standalone()));
    }
    deleteRecursively(dir);

    DumpStore store = OfflineDebug.open(bucket);
    Dump first = store.load(ids.get(0));
    assertEquals(IllegalStateException.class.getName(), first.exception().root().type());
    assertEquals("order 42 failed", first.exception().root().message());
    assertEquals("second", store.load(ids.get(1)).exception().root().message());
    assertEquals(ids, store.list().stream().map(DumpSummary::id).toList());
    assertEquals("s3://dumps/clean", store.location());
  }

  @Test
  void load_unknownIds_notFound() throws Exception {
    URI bucket = URI.create("s3://dumps/unknown");
    Path dir = temp.resolve("dumps");
    String id;
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, Long.MAX_VALUE), StatusListener.IGNORE)) {
      id = writer.write(new IllegalStateException("kept"), LoggedEvent.standalone());
    }
    DumpStore store = OfflineDebug.open(bucket);
    // No such object (never uploaded, or removed by the lifecycle rule), past the object's end, no ID at all.
    assertThrows(DumpNotFoundException.class, () -> store.load("od-0000000aa-bbbbbb-0"));
    assertThrows(DumpNotFoundException.class, () -> store.load(id.substring(0, id.lastIndexOf('-')) + "-zzzz"));
    assertThrows(DumpNotFoundException.class, () -> store.load("not-an-id"));
    assertThrows(DumpNotFoundException.class, () -> OfflineDebug.open(URI.create("s3://dumps/elsewhere")).load(id));
  }

  @Test
  void upload_serverDownDuringRun_nothingLostOnceBack() throws Exception {
    URI bucket = URI.create("s3://dumps/outage");
    Path dir = temp.resolve("dumps");
    Reports reports = new Reports();
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, 1), reports)) {
      ids.add(writer.write(new IllegalStateException("before"), LoggedEvent.standalone()));
      Eventually.await("first dump uploaded", () -> S3.server().has("outage/" + storeFile(ids.get(0))));
      S3.server().stop();
      try {
        for (int i = 0; i < 3; i++) {
          ids.add(writer.write(new IllegalStateException("during " + i), LoggedEvent.standalone()));
        }
        Eventually.await("the outage reported", () -> reports.count("cannot upload") == 1);
        // Retention (maxTotalSize 1 byte) keeps what is not uploaded: every dump still loads locally.
        for (String id : ids.subList(1, ids.size())) {
          assertEquals(id, OfflineDebug.open(dir).load(id).id());
        }
      } finally {
        S3.server().restart();
      }
      Eventually.await("every dump uploaded after the outage",
          () -> ids.stream().allMatch(id -> S3.server().has("outage/" + storeFile(id))));
      Eventually.await("recovery reported", () -> reports.count("works again") == 1);
    }
    deleteRecursively(dir);
    DumpStore store = OfflineDebug.open(bucket);
    for (String id : ids) {
      assertEquals(id, store.load(id).id());
    }
    assertEquals(1, reports.count("cannot upload"), reports.messages::toString);
  }

  @Test
  void upload_wrongCredentials_reportedOnceWithoutSecretsAndKeptLocally() throws Exception {
    URI bucket = URI.create("s3://dumps/denied");
    Path dir = temp.resolve("dumps");
    Reports reports = new Reports();
    List<String> ids = new ArrayList<>();
    String wrongSecret = "wRoNgSecretKeyValueThatMustNeverAppearAnywhere00";
    System.setProperty("aws.secretAccessKey", wrongSecret);
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, 1), reports)) {
      for (int i = 0; i < 3; i++) {
        ids.add(writer.write(new IllegalStateException("denied " + i), LoggedEvent.standalone()));
      }
      Eventually.await("the failure reported", () -> reports.count("cannot upload") == 1);
      // Several retries later, still one report.
      Thread.sleep(5_000);
    } finally {
      System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    }
    assertEquals(1, reports.count("cannot upload"), reports.messages::toString);
    assertEquals(1, reports.count("HTTP 403"), reports.messages::toString);
    for (String message : reports.messages) {
      assertFalse(message.contains(wrongSecret) || message.contains(S3Server.SECRET_KEY)
          || message.contains(S3Server.ACCESS_KEY), message);
    }
    for (String id : ids) {
      assertEquals(id, OfflineDebug.open(dir).load(id).id());
      assertFalse(S3.server().has("denied/" + storeFile(id)));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(wrongSecret) || bytes.contains(S3Server.SECRET_KEY), file::toString);
      }
    }
    // A restart with the right credentials uploads what the previous writer left.
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, 1), StatusListener.IGNORE)) {
      Eventually.await("what was left uploaded by the next writer",
          () -> ids.stream().allMatch(id -> S3.server().has("denied/" + storeFile(id))));
    }
  }

  @Test
  void upload_growingFile_reSentUntilWholeAndFilesRollAtOneMegabyte() throws Exception {
    URI bucket = URI.create("s3://dumps/growing");
    Path dir = temp.resolve("dumps");
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(settings(dir, bucket, Long.MAX_VALUE), StatusListener.IGNORE)) {
      ids.add(writer.write(new IllegalStateException("first"), LoggedEvent.standalone()));
      Eventually.await("first dump uploaded", () -> S3.server().has("growing/" + storeFile(ids.get(0))));
      // The same store file grows: its object is re-sent, without a close, until it holds the new dump.
      ids.add(writer.write(new IllegalStateException("second"), LoggedEvent.standalone()));
      assertEquals(storeFile(ids.get(0)), storeFile(ids.get(1)));
      Path file = dir.resolve(storeFile(ids.get(1)));
      Eventually.await("the grown file re-sent", () -> S3.server().size("growing/" + storeFile(ids.get(1)))
          == Files.size(file));
      // Over 1 MB of dumps: with upload on, files roll at 1 MB whatever maxFileSize (16 MB here) says.
      for (int i = 0; storeFile(ids.get(ids.size() - 1)).equals(storeFile(ids.get(0))); i++) {
        String id = writer.write(new IllegalStateException("more " + i), LoggedEvent.standalone());
        if (id != null) {
          ids.add(id);
        } else {
          Thread.sleep(100); // maxDumpsPerSecond
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> storeFiles = files.filter(f -> f.toString().endsWith(".odump")).toList();
      assertTrue(storeFiles.size() > 1, storeFiles::toString);
      for (Path f : storeFiles) {
        assertTrue(Files.size(f) <= 1 << 20, f + " " + Files.size(f));
        assertEquals(Files.size(f), S3.server().size("growing/" + f.getFileName()), f::toString);
      }
    }
    deleteRecursively(dir);
    DumpStore store = OfflineDebug.open(bucket);
    for (String id : ids) {
      assertEquals(id, store.load(id).id());
    }
    assertEquals(ids, store.list().stream().map(DumpSummary::id).toList());
  }

  @Test
  void upload_filesItCreated_uploadedWithoutAskingTheirSize() throws Exception {
    URI bucket = URI.create("s3://dumps/created");
    Path dir = temp.resolve("dumps");
    WriterSettings rollEachDump = new WriterSettings(dir, 2 << 10, Long.MAX_VALUE, Duration.ofDays(7), Duration.ZERO,
        1000, "s3-test", CaptureLimits.DEFAULTS, bucket);
    S3.server().takeSizeRequests();
    List<String> ids = new ArrayList<>();
    try (DumpWriter writer = DumpWriter.open(rollEachDump, StatusListener.IGNORE)) {
      for (int i = 0; i < 20; i++) {
        ids.add(writer.write(new IllegalStateException("dump " + i), LoggedEvent.standalone()));
      }
    }
    List<String> asked = S3.server().takeSizeRequests().stream().filter(key -> key.startsWith("created/")).toList();
    List<String> files = ids.stream().map(S3UploadTest::storeFile).distinct().toList();
    assertTrue(files.size() > 10, files::toString);
    for (String file : files) {
      assertEquals(Files.size(dir.resolve(file)), S3.server().size("created/" + file), file);
    }
    // A pass that lists a file in the microseconds between its creation and the writer's notice asks.
    assertTrue(asked.size() <= 2, asked::toString);
  }

  @Test
  void upload_moduleNameInMessage_whenSchemeHasNoModule() throws Exception {
    Reports reports = new Reports();
    try (DumpWriter writer = DumpWriter.open(settings(temp.resolve("dumps"), URI.create("gs://dumps"), Long.MAX_VALUE),
        reports)) {
      assertTrue(writer.write(new IllegalStateException("local"), LoggedEvent.standalone()) != null);
    }
    assertEquals(1, reports.count("upload gs://dumps is set but cannot be used"), reports.messages::toString);
    assertThrows(IOException.class, () -> OfflineDebug.open(URI.create("gs://dumps")));
  }

  static WriterSettings settings(Path dir, URI upload, long maxTotalSize) {
    return new WriterSettings(dir, maxTotalSize == 1 ? 1 : WriterSettings.DEFAULT_MAX_FILE_SIZE, maxTotalSize,
        Duration.ofDays(7), Duration.ZERO, 1000, "s3-test", CaptureLimits.DEFAULTS, upload);
  }

  /** The store file name an ID points into. */
  static String storeFile(String id) {
    return id.substring(3, id.lastIndexOf('-')) + ".odump";
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static final class Reports implements StatusListener {
    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void report(String message, Throwable cause) {
      messages.add(message + (cause == null ? "" : " / " + cause));
    }

    long count(String fragment) {
      return messages.stream().filter(m -> m.contains(fragment)).count();
    }
  }
}
