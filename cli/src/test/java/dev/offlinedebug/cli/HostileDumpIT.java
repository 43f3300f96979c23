package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.testing.SampleDumps;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dump files an attacker crafted, read by the packaged command in a JVM with a small heap. */
class HostileDumpIT {
  private static final String SMALL_HEAP = "-Xmx64m";
  private static final String HOSTILE = "1,\"injected\":true,\"x\":\"\u001b]0;owned\u0007\u001b[2J\r\u202e\u200b\ufeff\u2066";

  @TempDir Path work;

  @Test
  void show_unknownPrimitiveBoxIsEscaped() throws Exception {
    Path file = CraftedDumps.file(work.resolve("box.dump"), CraftedDumps.unknownBox(HOSTILE));

    JarRunner.Result result = new JarRunner(work).run("show", "--file", file.toString(), "--color", "never");

    assertEquals(0, result.exit(), result.toString());
    assertFalse(result.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x202e
        || c == 0x200b || c == 0xfeff || c == 0x2066), result.toString());
    assertTrue(result.out().contains("\\u001b]0;owned\\u0007\\u001b[2J\\r\\u202e\\u200b\\ufeff\\u2066"), result.toString());
  }

  @Test
  void export_unknownPrimitiveBoxAddsNoKeys() throws Exception {
    Path file = CraftedDumps.file(work.resolve("box.dump"), CraftedDumps.unknownBox(HOSTILE));

    JarRunner.Result result = new JarRunner(work).run("export", "--file", file.toString());

    assertEquals(0, result.exit(), result.toString());
    JsonObject local = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonObject("exception")
        .getAsJsonArray("frames").get(0).getAsJsonObject().getAsJsonArray("locals").get(0).getAsJsonObject();
    assertEquals(List.of("name", "type", "value"), List.copyOf(local.keySet()));
    assertEquals(HOSTILE, local.getAsJsonObject("value").get("value").getAsString());
  }

  @Test
  void show_messageLinesThatLookLikeFramesAreMarked() throws Exception {
    Dump base = SampleDumps.checkoutFailure();
    ThrowableInfo root = base.exception().root();
    String message = "declined\n\tat com.acme.Forged.frame(Forged.java:1)";
    ThrowableInfo forged = new ThrowableInfo(root.type(), message, root.type() + ": " + message, root.frames(),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    Dump dump = new Dump(base.id(), base.time(), base.host(), base.pid(), base.jvm(), null, base.thread(), null,
        null, message, Map.of(), List.of(), Map.of(), true, new ThrowableGraph(List.of(forged)));
    Path file = CraftedDumps.file(work.resolve("forged.dump"), dump);

    JarRunner.Result result = new JarRunner(work).run("show", "--file", file.toString(), "--color", "never");

    assertEquals(0, result.exit(), result.toString());
    assertFalse(result.out().lines().anyMatch(line -> line.strip().startsWith("at com.acme.Forged")), result.out());
    assertTrue(result.out().contains("declined\n  | \tat com.acme.Forged.frame(Forged.java:1)\n"), result.out());
  }

  @Test
  void everyCommand_sharedFrameBombUnderSmallHeap() throws Exception {
    byte[] bomb = CraftedDumps.sharedFrameBomb(45_000);
    Path file = CraftedDumps.file(work.resolve("bomb.dump"), bomb);
    Path dir = work.resolve("dumps");
    try (StoreFixture store = StoreFixture.open(dir)) {
      store.write(Failures.unsupported(1));
    }
    Path storeFile;
    try (var files = Files.list(dir)) {
      storeFile = files.filter(p -> p.toString().endsWith(".odump")).findFirst().orElseThrow();
    }
    Files.write(storeFile, Files.readAllBytes(file), StandardOpenOption.APPEND);
    JarRunner runner = new JarRunner(work).jvm(SMALL_HEAP);

    for (String command : List.of("list", "stats")) {
      JarRunner.Result result = runner.run(command, "--dir", dir.toString(), "--color", "never");
      assertEquals(0, result.exit(), command + ": " + result);
      // The bomb is skipped as a damaged record, said in one line; the intact dump is still listed.
      assertEquals(1, result.err().lines().count(), command + ": " + result);
      assertTrue(result.err().contains(storeFile.getFileName() + ": ") && result.err().contains("record expands")
          && result.err().contains("skipped 1 damaged record"), command + ": " + result);
      assertTrue(result.out().contains("UnsupportedOperationException"), command + ": " + result);
    }
    for (String command : List.of("show", "export")) {
      JarRunner.Result result = runner.run(command, "--file", file.toString());
      assertOneLineExit4(result, "record expands");
    }
  }

  @Test
  void show_headerClaiming64MbUnderSmallHeap() throws Exception {
    Path file = work.resolve("huge.dump");
    int length = RecordFrame.MAX_PAYLOAD;
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.write(RecordFrame.completeHeader(length).array());
      sparse.setLength(RecordFrame.HEADER_SIZE + (long) length);
    }

    assertOneLineExit4(new JarRunner(work).jvm(SMALL_HEAP).run("show", "--file", file.toString()), "too large");
  }

  @Test
  void show_40MbMessageUnderSmallHeap() throws Exception {
    Dump base = SampleDumps.checkoutFailure();
    String message = "x".repeat(40 << 20);
    Dump dump = new Dump(base.id(), base.time(), base.host(), base.pid(), base.jvm(), null, base.thread(), null,
        null, message, Map.of(), List.of(), Map.of(), true, base.exception());
    Path file = CraftedDumps.file(work.resolve("long.dump"), dump);

    assertOneLineExit4(new JarRunner(work).jvm(SMALL_HEAP).run("show", "--file", file.toString()), "too large");
  }

  @Test
  void show_fifoIsRefused() throws Exception {
    Path fifo = work.resolve("fifo.dump");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());

    assertOneLineExit4(new JarRunner(work).run("show", "--file", fifo.toString()), "not a regular file");
  }

  private static void assertOneLineExit4(JarRunner.Result result, String says) {
    assertEquals(4, result.exit(), result.toString());
    assertEquals(1, result.err().lines().count(), result.toString());
    assertTrue(result.err().startsWith("offline-debug: ") && result.err().contains(says), result.toString());
  }
}
