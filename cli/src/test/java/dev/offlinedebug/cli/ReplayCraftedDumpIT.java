package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offline-debug replay --file} of a crafted dump, as the issue reproduced it: locals whose
 * text names files under JDK types that truncate, create or block on a file, or start a non-daemon
 * thread, when built from that text. The command replays and ends; every file stays as it was.
 */
class ReplayCraftedDumpIT {
  @TempDir Path work;

  @Test
  void replay_craftedDumpTouchesNoFile() throws Exception {
    Path kept = work.resolve("kept.txt");
    Files.writeString(kept, "kept content\n", StandardCharsets.UTF_8);
    Path fifo = work.resolve("trap.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo");
    ThrowableInfo thrown = new ThrowableInfo("com.acme.trap.ImportFailure", "import failed",
        "com.acme.trap.ImportFailure: import failed",
        List.of(FrameInfo.of(new StackTraceElement("com.acme.trap.Importer", "open", "Importer.java", 30))
            .withLocals(List.of(
                trap("out", "java.io.FileOutputStream", kept),
                trap("report", "java.io.PrintWriter", work.resolve("created.txt")),
                trap("log", "java.util.logging.FileHandler", work.resolve("created.log")),
                trap("in", "java.io.FileInputStream", fifo),
                new LocalVariable("timer", "java.util.Timer", new TextValue("java.util.Timer", "trap-timer"))))),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    Dump dump = new Dump("od-traps", Instant.parse("2026-12-01T07:00:00Z"), "host", 7, "jvm", null,
        new ThreadInfo("main", 1, false, 5), null, null, null, Map.of(), List.of(), Map.of(), true,
        new ThrowableGraph(List.of(thrown)));
    Path file = work.resolve("traps.dump");
    byte[] payload = DumpCodec.encode(dump);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(RecordFrame.completeHeader(payload.length).array());
      out.write(payload);
    }
    List<Path> before = listing();

    JarRunner.Result result = new JarRunner(work).run("replay", "--file", file.toString());

    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("com.acme.trap.ImportFailure: import failed"), result.toString());
    assertTrue(result.out().contains("\tat com.acme.trap.Importer.open(Importer.java:30)"), result.toString());
    assertEquals("kept content\n", Files.readString(kept, StandardCharsets.UTF_8));
    List<Path> after = listing();
    after.removeIf(p -> p.getFileName().toString().matches("(out|err).*\\.txt"));
    assertEquals(before, after, "the files of " + work);
  }

  private static LocalVariable trap(String name, String type, Path target) {
    return new LocalVariable(name, type, new TextValue(type, target.toString()));
  }

  private List<Path> listing() throws Exception {
    try (Stream<Path> files = Files.list(work)) {
      return new java.util.ArrayList<>(files.sorted().toList());
    }
  }
}
