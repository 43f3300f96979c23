package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailIT {
  private static final int DUMPS = 40;

  @TempDir Path work;

  @Test
  void tail_printsEveryDumpOnceAcrossRolls() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> written = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 8 * 1024, 64L * 1024 * 1024, Duration.ZERO)) {
      String before = store.write(Failures.unsupported(-1));
      Path out = work.resolve("tail.out");
      Path err = work.resolve("tail.err");
      Process tail = new JarRunner(work)
          .builder("tail", "--dir", dir.toString(), "--poll", "20ms", "--max", Integer.toString(DUMPS))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        awaitFollowing(tail, err);
        for (int i = 0; i < DUMPS; i++) {
          written.add(store.write(Failures.unsupported(i)));
          if (i % 8 == 0) {
            Thread.sleep(30);
          }
        }
        assertTrue(tail.waitFor(5, TimeUnit.MINUTES), "tail stops after --max dumps");
      } finally {
        tail.destroyForcibly();
      }
      assertEquals(0, tail.exitValue(), Files.readString(err));
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      assertEquals(DUMPS, lines.size(), String.join("\n", lines));
      for (int i = 0; i < DUMPS; i++) {
        String id = written.get(i);
        assertEquals(1, lines.stream().filter(line -> line.contains("  " + id + "  ")).count(), id + " once in\n" + lines);
        assertTrue(lines.get(i).contains("operation " + i + "  "), "in order: " + lines);
      }
      assertTrue(lines.stream().noneMatch(line -> line.contains(before)), "only new dumps: " + lines);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.filter(Files::isRegularFile).count() > 2, "the store rolled while tail ran");
    }
  }

  /**
   * A failure that keeps repeating inside the dedup window, its first dump written before tail
   * started: each repeat is printed as it is written, with its own ID (which {@code show} loads) and
   * the first dump it repeats.
   */
  @Test
  void tail_printsEachRepeatAsItIsWritten() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> written = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 16L << 20, 64L << 20, Duration.ofMinutes(5))) {
      Path out = work.resolve("tail.out");
      Path err = work.resolve("tail.err");
      Process tail = null;
      try {
        for (int i = 0; i <= 3; i++) { // one stack: the first dump, then repeats of it
          written.add(store.write(Failures.unsupported(i)));
          if (i == 0) {
            tail = new JarRunner(work).builder("tail", "--dir", dir.toString(), "--poll", "20ms", "--max", "3")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            awaitFollowing(tail, err);
          } else {
            awaitLines(out, i, tail);
          }
        }
        assertTrue(tail.waitFor(5, TimeUnit.MINUTES), "tail stops after --max lines");
      } finally {
        if (tail != null) {
          tail.destroyForcibly();
        }
      }
      assertEquals(0, tail.exitValue(), Files.readString(err));
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      assertEquals(3, lines.size(), String.join("\n", lines));
      String first = written.get(0);
      for (int i = 1; i <= 3; i++) {
        String repeat = written.get(i);
        assertTrue(repeat.startsWith(first + "."), "stored as a repeat of the first dump: " + repeat);
        String line = lines.get(i - 1);
        assertTrue(line.contains("  " + repeat + "  "), line);
        assertTrue(line.contains("UnsupportedOperationException: operation " + i + "  "), "its own message: " + line);
        assertTrue(line.endsWith("  (repeat of " + first + ")"), line);
      }
    }
    String printed = written.get(2);
    JarRunner.Result show = new JarRunner(work).run("show", printed, "--dir", dir.toString());
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("operation 2"), show.toString());
    assertTrue(show.out().contains("a repeat of " + written.get(0)), show.toString());
  }

  @Test
  void tail_lines_printsTheNewestMatchingDumpsOldestFirst() throws Exception {
    Path dir = work.resolve("dumps");
    List<String> written = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 8 * 1024, 64L * 1024 * 1024, Duration.ZERO)) {
      for (int i = 0; i < 6; i++) {
        written.add(store.write(i == 4 ? new IllegalStateException("other " + i) : Failures.unsupported(i)));
      }
    }
    JarRunner.Result result = new JarRunner(work).run("tail", "-n", "2", "--type", "UnsupportedOperationException",
        "--timeout", "100ms", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.toString());
    assertTrue(lines.get(0).contains("  " + written.get(3) + "  "), result.toString());
    assertTrue(lines.get(1).contains("  " + written.get(5) + "  "), result.toString());
  }

  @Test
  void tail_storeNotThereYet_saysItWaitsForIt() throws Exception {
    Path dir = work.resolve("not-yet");
    JarRunner.Result waiting = new JarRunner(work).run("tail", "--timeout", "100ms", "--dir", dir.toString());
    assertEquals(0, waiting.exit(), waiting.toString());
    assertEquals("Following " + dir + " (does not exist yet; waiting for it) (Ctrl-C to stop)",
        waiting.err().strip(), waiting.toString());
    Files.createDirectories(dir);
    JarRunner.Result following = new JarRunner(work).run("tail", "--timeout", "100ms", "--dir", dir.toString());
    assertEquals("Following " + dir + " (Ctrl-C to stop)", following.err().strip(), following.toString());
  }

  /** Waits (bounded) until tail has printed {@code count} lines. */
  static void awaitLines(Path out, int count, Process tail) throws Exception {
    for (int i = 0; i < 3000 && tail.isAlive(); i++) {
      if (Files.readAllLines(out, StandardCharsets.UTF_8).size() >= count) {
        return;
      }
      Thread.sleep(20);
    }
  }

  /** Waits (bounded) until tail has read the store and says it is following. */
  static void awaitFollowing(Process tail, Path err) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (Files.readString(err).contains("Following ")) {
        return;
      }
      if (!tail.isAlive()) {
        throw new AssertionError("tail ended: " + Files.readString(err));
      }
      Thread.sleep(20);
    }
    tail.destroyForcibly();
    throw new AssertionError("tail never started following: " + Files.readString(err));
  }
}
