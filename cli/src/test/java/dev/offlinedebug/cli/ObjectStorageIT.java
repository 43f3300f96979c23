package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.offlinedebug.s3.S3Server;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with {@code --dir s3://bucket/prefix} against a real S3-compatible server on
 * 127.0.0.1: the dump was uploaded by the writer's {@code upload} option and its local store is gone.
 * The command finds credentials, region and endpoint in the AWS environment variables.
 */
class ObjectStorageIT {
  private static final String BUCKET = "s3://" + S3Server.BUCKET + "/cli";
  private static S3Server server;
  private static String id;
  private static String occurrence;

  @TempDir Path work;

  @BeforeAll
  static void uploadOneDump(@TempDir Path scratch) throws Exception {
    server = S3Server.start();
    server.useFromThisJvm();
    Path dir = scratch.resolve("dumps");
    try (StoreFixture store = StoreFixture.uploading(dir, URI.create(BUCKET))) {
      List<String> ids = new ArrayList<>();
      for (String customer : List.of("C-1042", "C-2077")) { // one stack: the second is an occurrence of the first
        ids.add(store.write(Failures.declined(customer, customer.equals("C-1042") ? 33_790 : 42_000)));
      }
      id = ids.get(0);
      occurrence = ids.get(1);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private JarRunner command() {
    JarRunner runner = new JarRunner(work);
    server.environment().forEach(runner::env);
    return runner;
  }

  @Test
  void show_fromBucket() throws Exception {
    JarRunner.Result result = command().run("show", id, "--dir", BUCKET);
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("card declined for C-1042"), result.toString());
    assertTrue(result.out().contains("customer = \"C-1042\""), result.toString());
  }

  @Test
  void showAndHtml_occurrenceFromBucket_itsOwnValues() throws Exception {
    assertTrue(occurrence.startsWith(id + "."), occurrence);
    JarRunner.Result show = command().run("show", occurrence, "--dir", BUCKET);
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("card declined for C-2077"), show.toString());
    assertTrue(show.out().contains("customer = \"C-2077\""), show.toString());
    assertFalse(show.out().contains("C-1042"), show.toString());

    JarRunner.Result html = command().run("html", id, occurrence, "--dir", BUCKET);
    assertEquals(0, html.exit(), html.toString());
    assertTrue(html.out().contains("<h1>Dump " + occurrence + "</h1>"), html.toString());
    assertTrue(html.out().contains("card declined for C-2077"), html.toString());
    assertTrue(html.out().contains("value=\"offline-debug replay " + id + " --dir " + BUCKET + "\""), html.toString());
  }

  @Test
  void show_bucketFromEnvironmentVariable() throws Exception {
    JarRunner.Result result = command().env(StoreOptions.ENVIRONMENT_VARIABLE, BUCKET).run("show", id);
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("card declined for C-1042"), result.toString());
  }

  @Test
  void show_unknownOrExpiredId_exit3() throws Exception {
    JarRunner.Result result = command().run("show", "od-0000000aa-bbbbbb-0", "--dir", BUCKET);
    assertEquals(ExitCode.NOT_FOUND, result.exit(), result.toString());
    assertEquals(ExitCode.NOT_FOUND, command().run("show", id, "--dir", "s3://dumps/elsewhere").exit());
  }

  @Test
  void show_wrongCredentials_failsWithoutTheSecret() throws Exception {
    String wrongSecret = "wRoNgSecretKeyValueThatMustNeverAppearAnywhere00";
    JarRunner runner = new JarRunner(work);
    server.environment(wrongSecret).forEach(runner::env);
    JarRunner.Result result = runner.run("show", id, "--dir", BUCKET, "--verbose");
    assertEquals(ExitCode.FAILURE, result.exit(), result.toString());
    assertTrue(result.err().contains("403"), result.toString());
    assertFalse(result.toString().contains(wrongSecret) || result.toString().contains(S3Server.SECRET_KEY),
        result.toString());
  }

  @Test
  void export_fromBucket() throws Exception {
    JarRunner.Result result = command().run("export", id, "--format", "json", "--dir", BUCKET);
    assertEquals(0, result.exit(), result.toString());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertEquals(id, json.get("id").getAsString());
  }

  @Test
  void replay_fromBucketInThisJvm() throws Exception {
    JarRunner.Result result = command().run("replay", id, "--cause", "1", "--dir", BUCKET);
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("\tat com.acme.shop.Failures.charge(Failures.java:"), result.toString());
  }

  @Test
  void replay_jdwpChildLoadsFromBucket() throws Exception {
    Process replay = command().builder("replay", id, "--cause", "1", "--jdwp", "localhost:0", "--dir", BUCKET)
        .redirectErrorStream(true).start();
    try {
      ReplayIT.debugReplay(replay);
    } finally {
      replay.destroyForcibly();
    }
  }

  @Test
  void list_overBucket_dumpWithItsOccurrences() throws Exception {
    JarRunner.Result result = command().run("list", "--dir", BUCKET, "--grep", "33790");
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(1, lines.size(), result.toString());
    assertTrue(lines.get(0).contains("  " + id + "  "), result.toString());
    assertTrue(lines.get(0).contains("checkout of 33790 cents failed"), result.toString());
    assertTrue(lines.get(0).endsWith("(2 occurrences)"), result.toString());
  }

  @Test
  void stats_overBucket_countsOccurrences() throws Exception {
    JarRunner.Result result = command().run("stats", "--dir", BUCKET, "--grep", "33790");
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.toString());
    assertTrue(lines.get(1).startsWith(String.format("%7d %6d  ", 2, 1)), result.toString());
    assertTrue(lines.get(1).contains(id), result.toString());
  }

  @Test
  void tail_overBucket_printsDumpsUploadedMeanwhile() throws Exception {
    Path out = work.resolve("tail.out");
    Path err = work.resolve("tail.err");
    ProcessBuilder builder = command().builder("tail", "--dir", BUCKET, "--poll", "200ms", "--max", "1",
        "--timeout", "2m");
    Process tail = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    String uploaded;
    try {
      TailIT.awaitFollowing(tail, err);
      try (StoreFixture store = StoreFixture.uploading(work.resolve("dumps"), URI.create(BUCKET))) {
        uploaded = store.write(Failures.unsupported(7));
      }
      assertTrue(tail.waitFor(2, TimeUnit.MINUTES), "tail stops after --max dumps");
    } finally {
      tail.destroyForcibly();
    }
    assertEquals(0, tail.exitValue(), Files.readString(err));
    assertTrue(Files.readString(err).contains("Following " + BUCKET), Files.readString(err));
    List<String> lines = Files.readAllLines(out);
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(lines.get(0).contains("  " + uploaded + "  "), lines::toString);
  }

  @Test
  void tailLines_overBucket_listsItOnce() throws Exception {
    server.takeListings();
    JarRunner.Result result = command().run("tail", "-n", "1", "--timeout", "0s", "--dir", BUCKET);
    assertEquals(0, result.exit(), result.toString());
    assertEquals(1, result.out().lines().count(), result.toString());
    assertEquals(List.of(S3Server.BUCKET), server.takeListings(), "one listing, for the newest dump and to follow");
  }

  @Test
  void tail_overBucket_printsEachRepeatWithItsOwnId() throws Exception {
    Path out = work.resolve("tail.out");
    Path err = work.resolve("tail.err");
    Process tail = command().builder("tail", "--dir", BUCKET, "--poll", "200ms", "--max", "3", "--timeout", "2m")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    List<String> written = new ArrayList<>();
    try {
      TailIT.awaitFollowing(tail, err);
      try (StoreFixture store = StoreFixture.uploading(work.resolve("dumps"), URI.create(BUCKET))) {
        for (int i = 0; i < 3; i++) { // one stack: the first dump, then two repeats of it
          written.add(store.write(Failures.unsupported(i)));
        }
      }
      assertTrue(tail.waitFor(2, TimeUnit.MINUTES), "tail stops after --max lines");
    } finally {
      tail.destroyForcibly();
    }
    assertEquals(0, tail.exitValue(), Files.readString(err));
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(lines.get(0).contains("  " + written.get(0) + "  "), lines::toString);
    for (int i = 1; i < 3; i++) {
      assertTrue(lines.get(i).contains("  " + written.get(i) + "  ") && lines.get(i).contains("operation " + i + "  ")
          && lines.get(i).endsWith("  (repeat of " + written.get(0) + ")"), lines::toString);
    }
  }

  @Test
  void serve_overBucket_listsAndShowsDumps() throws Exception {
    Process serve = command().builder("serve", "--dir", BUCKET, "--port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("Serving " + BUCKET + " read-only at http://127.0.0.1:"), line);
      URI url = URI.create(line.substring(line.indexOf("http://")));
      HttpClient http = HttpClient.newHttpClient();
      String list = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(list.contains(">" + id + "</a>"), list);
      String page = http.send(HttpRequest.newBuilder(url.resolve("/dump/" + occurrence)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(page.contains("card declined for C-2077"), page);
      assertTrue(page.contains("value=\"offline-debug replay " + occurrence + " --dir " + BUCKET + "\""), page);
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }
}
