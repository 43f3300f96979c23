package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.StatusListener;
import dev.offlinedebug.spi.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application in a child JVM logs a failure through Log4j2 or Logback with {@code upload} set;
 * its dump ID, taken from its log, loads from the bucket with its locals once the local store is
 * gone: after a normal exit, after SIGKILL ten seconds after the log line, after SIGKILL right after
 * it and a restart, and after the server was down when the line was logged.
 */
class UploadChildJvmTest {
  private static final Pattern ID = Pattern.compile("^LINE id=(od-\\S+) ERROR shop\\.Orders ", Pattern.MULTILINE);
  /** Only keeps a broken build from hanging; no test measures how long a child JVM takes. */
  private static final long HANG_GUARD_MINUTES = 5;
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"log4j2, exit", "log4j2, kill", "logback, exit", "logback, kill"})
  void upload_childJvm_idLoadsFromBucketWithLocals(String framework, String end) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "upload-" + framework + "-").toAbsolutePath();
    String upload = "s3://dumps/" + framework + "-" + end;
    Process child = ChildJvm.start(framework, end.equals("kill") ? "wait" : "exit", dir, upload, S3.server().environment());
    try {
      if (end.equals("kill")) {
        Eventually.await("the child logged", () -> read(dir.resolve("console.out")).contains("LOGGED"));
        Thread.sleep(10_000); // the durability promise: an ID logged 10 s before SIGKILL is in the bucket
        child.destroyForcibly();
        child.waitFor();
      } else {
        assertTrue(child.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "child JVM did not exit");
        assertEquals(0, child.exitValue(), () -> read(dir.resolve("console.out")));
      }
    } finally {
      child.destroyForcibly();
    }
    String id = loggedId(dir.resolve("app.log"));
    S3UploadTest.deleteRecursively(dir.resolve("dumps"));

    assertLoadsWithLocals(upload, id);
    assertQuiet(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"log4j2", "logback"})
  void upload_serverDownWhenLogged_nothingLostOnceBack(String framework) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "outage-" + framework + "-").toAbsolutePath();
    String prefix = "outage-" + framework;
    String upload = "s3://dumps/" + prefix;
    S3.server().stop();
    Process child;
    String id;
    try {
      child = ChildJvm.start(framework, "wait", dir, upload, S3.server().environment());
      Eventually.await("the child logged and reported the outage", () -> {
        String console = read(dir.resolve("console.out"));
        return console.contains("LOGGED") && console.contains("cannot upload dumps to " + upload);
      });
      id = loggedId(dir.resolve("app.log"));
    } finally {
      S3.server().restart();
    }
    try {
      Path storeFile = dir.resolve("dumps").resolve(S3UploadTest.storeFile(id));
      Eventually.await("the store file uploaded once the server is back",
          () -> S3.server().size(prefix + "/" + storeFile.getFileName()) == Files.size(storeFile));
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    S3UploadTest.deleteRecursively(dir.resolve("dumps"));

    assertLoadsWithLocals(upload, id);
    String console = read(dir.resolve("console.out"));
    assertEquals(1, Pattern.compile("cannot upload dumps to " + upload).matcher(console).results().count(), console);
  }

  /**
   * Killed as soon as it logged, the child may not have written its summary's buffered entries nor
   * uploaded anything: the next process on the directory uploads the store file and what there is
   * of its summary, and a listing of the bucket still has the dump (it scans a file whose summary
   * falls short).
   */
  @ParameterizedTest
  @ValueSource(strings = {"log4j2", "logback"})
  void upload_killedRightAfterLogging_nextProcessUploadsAndListingHasIt(String framework) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "killed-" + framework + "-").toAbsolutePath();
    String upload = "s3://dumps/killed-" + framework;
    Process child = ChildJvm.start(framework, "wait", dir, upload, S3.server().environment());
    try {
      Eventually.await("the child logged", () -> read(dir.resolve("console.out")).contains("LOGGED"));
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    String id = loggedId(dir.resolve("app.log"));
    WriterSettings settings = new WriterSettings(dir.resolve("dumps"), 1 << 20, Long.MAX_VALUE, Duration.ofDays(7),
        Duration.ofMinutes(5), 20, "restarted", CaptureLimits.DEFAULTS, URI.create(upload));
    DumpWriter.open(settings, StatusListener.IGNORE).close();
    S3UploadTest.deleteRecursively(dir.resolve("dumps"));

    assertEquals(List.of(id), OfflineDebug.open(URI.create(upload)).list().stream().map(DumpSummary::id).toList());
    assertLoadsWithLocals(upload, id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"log4j2", "logback"})
  void upload_childJvmWrongCredentials_reportedOnceAndKeptLocally(String framework) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "denied-" + framework + "-").toAbsolutePath();
    String wrongSecret = "wRoNgSecretKeyValueThatMustNeverAppearAnywhere00";
    Process child = ChildJvm.start(framework, "exit", dir, "s3://dumps/denied-" + framework,
        S3.server().environment(wrongSecret));
    try {
      assertTrue(child.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "child JVM did not exit");
    } finally {
      child.destroyForcibly();
    }
    String console = read(dir.resolve("console.out"));
    assertEquals(1, Pattern.compile("cannot upload dumps to s3://dumps/denied-" + framework).matcher(console).results().count(),
        console);
    for (String file : List.of("console.out", "app.log")) {
      String text = read(dir.resolve(file));
      assertFalse(text.contains(wrongSecret) || text.contains(S3Server.SECRET_KEY) || text.contains(S3Server.ACCESS_KEY),
          file + ":\n" + text);
    }
    String id = loggedId(dir.resolve("app.log"));
    assertEquals(id, OfflineDebug.open(dir.resolve("dumps")).load(id).id());
    assertFalse(S3.server().has("denied-" + framework + "/" + S3UploadTest.storeFile(id)));
  }

  /** The dump of {@code id} loads from the bucket with the locals of the failing frame. */
  private static void assertLoadsWithLocals(String upload, String id) throws IOException {
    Dump dump = OfflineDebug.open(URI.create(upload)).load(id);
    ThrowableInfo root = dump.exception().root();
    assertEquals("order 42 failed", root.message());
    ThrowableInfo cause = dump.exception().cause(root).orElseThrow();
    assertEquals(List.of(new LocalVariable("orderId", "int", new PrimitiveValue("int", 42)),
            new LocalVariable("quantity", "int", new PrimitiveValue("int", 0))),
        cause.frames().get(0).locals());
  }

  /** Nothing of the S3 client in the application's log or console. */
  private static void assertQuiet(Path dir) {
    for (String file : List.of("console.out", "app.log")) {
      String text = read(dir.resolve(file));
      assertFalse(text.contains("software.amazon") || text.contains("SLF4J"), file + ":\n" + text);
    }
  }

  private static String loggedId(Path log) {
    Matcher m = ID.matcher(read(log));
    assertTrue(m.find(), () -> "no dump ID in " + log + ":\n" + read(log));
    return m.group(1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
