package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.payments.RetryingCharge;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.offlinedebug.OfflineDebug;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retry loop's locals recorded by the real agent: {@code last} (the cause of the logged
 * exception's cause), {@code e} (that cause), {@code wrapped} (the logged exception) and {@code
 * rollback} (a suppressed one) point to their blocks of the same dump in {@code show}, to their
 * exception objects' indexes in the JSON export, and to their blocks' anchors in {@code html};
 * earlier attempts' exceptions, outside the dump, show as their type and message.
 */
class ThrowableLocalsIT {
  private static final String FAILED = RetryingCharge.ChargeFailedException.class.getName();

  @TempDir static Path work;
  static Path file;

  @BeforeAll
  static void save() throws Exception {
    file = work.resolve("retry.dump");
    OfflineDebug.save(RetryingCharge.failure(), file);
  }

  @Test
  void show_throwableLocalsPointToTheirBlocks() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("show", "--file", file.toString());

    assertEquals(0, result.exit(), result.toString());
    String out = result.out();
    assertTrue(out.contains("\t    wrapped = -> java.lang.IllegalStateException: order ORD-7 not paid (logged throwable)\n"),
        out);
    assertTrue(out.contains("\t    e = -> Caused by: " + FAILED + ": gave up after 3 attempts\n"), out);
    assertTrue(out.contains("\t    last = -> Caused by: java.io.IOException: connection reset on attempt 3\n"), out);
    assertTrue(out.contains("\t    rollback = -> Suppressed: java.io.IOException: rollback failed\n"), out);
    assertTrue(out.contains("\t        [0] = java.io.IOException: connection reset on attempt 1\n"),
        out);
    assertTrue(out.contains("\t        [2] = -> Caused by: java.io.IOException: connection reset on attempt 3\n"), out);
    assertTrue(out.contains("Caused by: java.io.IOException: connection reset on attempt 3\n"), out);
  }

  @Test
  void export_throwableLocalsNameTheirExceptionObjectsIndex() throws Exception {
    JarRunner.Result result = new JarRunner(work).run("export", "--file", file.toString(), "--format", "json");

    assertEquals(0, result.exit(), result.toString());
    JsonObject exception = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonObject("exception");
    JsonObject failed = exception.getAsJsonObject("cause");
    JsonObject lastAttempt = failed.getAsJsonObject("cause");
    assertEquals("connection reset on attempt 3", lastAttempt.get("message").getAsString());
    JsonObject retrying = frameOf(failed, "chargeWithRetries");
    assertEquals(lastAttempt.get("index"), local(retrying, "last").get("throwable"));
    assertEquals(failed.get("index"), local(retrying, "failed").get("throwable"));
    JsonObject rollback = failed.getAsJsonArray("suppressed").get(0).getAsJsonObject();
    assertEquals(rollback.get("index"), local(retrying, "rollback").get("throwable"));
    JsonArray attempts = local(retrying, "attempts").getAsJsonArray("elements");
    assertEquals(JsonParser.parseString("{\"type\":\"java.io.IOException\","
        + "\"value\":\"java.io.IOException: connection reset on attempt 1\"}"), attempts.get(0));
    assertEquals(lastAttempt.get("index"), attempts.get(2).getAsJsonObject().get("throwable"));
    JsonObject process = frameOf(exception, "process");
    assertEquals(exception.get("index"), local(process, "wrapped").get("throwable"));
    assertEquals(failed.get("index"), local(process, "e").get("throwable"));
  }

  @Test
  void html_throwableLocalsLinkToTheirBlocks() throws Exception {
    Path page = work.resolve("retry.html");
    JarRunner.Result result = new JarRunner(work).run("html", "--file", file.toString(), "-o", page.toString());

    assertEquals(0, result.exit(), result.toString());
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("<b>last</b></span> = <a class=\"ref\" href=\"#d0-x2\">-&gt; Caused by: "
        + "java.io.IOException: connection reset on attempt 3</a>"), html);
    assertTrue(html.contains("<div class=\"exc\" id=\"d0-x2\">Caused by: <span class=\"desc\">"
        + "java.io.IOException: connection reset on attempt 3</span>"), html);
  }

  /** The frame of {@code method} in {@code throwable}'s trace. */
  private static JsonObject frameOf(JsonObject throwable, String method) {
    for (JsonElement frame : throwable.getAsJsonArray("frames")) {
      if (frame.getAsJsonObject().get("method").getAsString().equals(method)) {
        return frame.getAsJsonObject();
      }
    }
    throw new AssertionError("no frame " + method + " in " + throwable);
  }

  private static JsonObject local(JsonObject frame, String name) {
    for (JsonElement local : frame.getAsJsonArray("locals")) {
      if (local.getAsJsonObject().get("name").getAsString().equals(name)) {
        return local.getAsJsonObject().getAsJsonObject("value");
      }
    }
    throw new AssertionError("no local " + name + " in " + frame);
  }
}
