package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportIT {
  @TempDir Path work;

  @Test
  void export_jsonMatchesLoadedDump() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790), "com.acme.shop.Checkout", "Checkout failed",
          Map.of("orderId", "ORD-7", "user", "ada"));
    }
    JarRunner.Result result = new JarRunner(work).run("export", id, "--format", "json", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    Dump dump = OfflineDebug.open(dir).load(id);

    assertEquals(dump.id(), json.get("id").getAsString());
    assertEquals(dump.time().toString(), json.get("time").getAsString());
    assertEquals(dump.host(), json.get("host").getAsString());
    assertEquals(dump.pid(), json.get("pid").getAsLong());
    assertEquals(dump.jvm(), json.get("jvm").getAsString());
    JsonObject thread = json.getAsJsonObject("thread");
    assertEquals(dump.thread().name(), thread.get("name").getAsString());
    assertEquals(dump.thread().id(), thread.get("id").getAsLong());
    assertEquals(dump.thread().daemon(), thread.get("daemon").getAsBoolean());
    assertEquals(dump.logger(), json.get("logger").getAsString());
    assertEquals(dump.level(), json.get("level").getAsString());
    assertEquals(dump.message(), json.get("message").getAsString());
    assertEquals(dump.mdc().size(), json.getAsJsonObject("mdc").size());
    dump.mdc().forEach((k, v) -> assertEquals(v, json.getAsJsonObject("mdc").get(k).getAsString()));
    assertEquals(dump.localsCaptured(), json.get("locals_captured").getAsBoolean());

    JsonElement exception = json.get("exception");
    ThrowableInfo throwable = dump.exception().root();
    int depth = 0;
    while (true) {
      assertThrowable(throwable, exception.getAsJsonObject());
      depth++;
      JsonElement cause = exception.getAsJsonObject().get("cause");
      if (throwable.cause() == ThrowableInfo.NO_CAUSE) {
        assertTrue(cause.isJsonNull());
        break;
      }
      throwable = dump.exception().get(throwable.cause());
      exception = cause;
    }
    assertEquals(2, depth, "the logged exception and its cause");
  }

  private static void assertThrowable(ThrowableInfo throwable, JsonObject json) {
    assertEquals(throwable.type(), json.get("type").getAsString());
    assertEquals(throwable.message(), json.get("message").getAsString());
    JsonArray frames = json.getAsJsonArray("frames");
    assertEquals(throwable.frames().size(), frames.size());
    for (int i = 0; i < frames.size(); i++) {
      FrameInfo frame = throwable.frames().get(i);
      JsonObject f = frames.get(i).getAsJsonObject();
      assertEquals(frame.className(), f.get("class").getAsString());
      assertEquals(frame.methodName(), f.get("method").getAsString());
      assertEquals(frame.fileName(), f.get("file").isJsonNull() ? null : f.get("file").getAsString());
      assertEquals(frame.line(), f.get("line").getAsInt());
      JsonArray locals = f.getAsJsonArray("locals");
      assertEquals(frame.locals().size(), locals.size());
      for (int l = 0; l < locals.size(); l++) {
        LocalVariable local = frame.locals().get(l);
        JsonObject jsonLocal = locals.get(l).getAsJsonObject();
        assertEquals(local.name(), jsonLocal.get("name").getAsString());
        assertEquals(local.type(), jsonLocal.get("type").getAsString());
      }
    }
  }

  @Test
  void export_localsAsJsonValues() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    JarRunner.Result result = new JarRunner(work).run("export", id, "--dir", dir.toString());
    JsonObject cause = JsonParser.parseString(result.out()).getAsJsonObject()
        .getAsJsonObject("exception").getAsJsonObject("cause");
    JsonArray locals = cause.getAsJsonArray("frames").get(0).getAsJsonObject().getAsJsonArray("locals");
    Map<String, JsonElement> byName = new java.util.HashMap<>();
    locals.forEach(l -> byName.put(l.getAsJsonObject().get("name").getAsString(), l.getAsJsonObject().get("value")));
    assertEquals("C-1042", byName.get("customer").getAsString(), result.toString());
    assertEquals(33_790, byName.get("cents").getAsInt(), result.toString());
    assertEquals(25_000L, byName.get("limit").getAsLong(), result.toString());
  }

  @Test
  void export_controlCharactersStayInsideJsonEscapes() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.hostile(), "logger", SampleDumps.HOSTILE, Map.of());
    }
    JarRunner.Result result = new JarRunner(work).run("export", id, "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    assertFalse(result.out().chars().anyMatch(c -> c < 0x20 && c != '\n' || (c >= 0x7f && c <= 0x9f) || c == 0x202e),
        result.toString());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertEquals(SampleDumps.HOSTILE, json.get("message").getAsString());

    JarRunner.Result yaml = new JarRunner(work).run("export", id, "--format", "yaml", "--dir", dir.toString());
    assertEquals(0, yaml.exit(), yaml.toString());
    assertTrue(yaml.out().contains("\nid: " + id + "\n"), "Chronicle Wire's YAML of the record: " + yaml);
    assertTrue(yaml.out().contains("lc: true"), yaml.toString());
    assertTrue(yaml.out().contains("clear\\e[2Jscreen"), yaml.toString());
    assertFalse(yaml.out().chars().anyMatch(c -> c < 0x20 && c != '\n' || (c >= 0x7f && c <= 0x9f) || c == 0x202e),
        yaml.toString());
  }
}
