package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the reader: random and structure-aware mutations of real records (including shared-frame
 * bombs, huge length fields and headers claiming 64 MB) are loaded and exported in a child JVM with
 * a 64 MB heap. Only loading or a {@code DumpFormatException} is allowed: no other exception, no
 * {@code OutOfMemoryError}, no hang. A fixed seed and a few thousand inputs keep it to seconds; raise
 * {@code -Doffline-debug.fuzz.inputs} (and change {@code -Doffline-debug.fuzz.seed}) for longer runs.
 * Failing inputs are kept in {@code target/fuzz-failures}.
 */
class ReaderFuzzTest {
  /** Only a guard against a hung child; the child guards each input itself. */
  private static final long HANG_GUARD_MINUTES = 30;

  @TempDir Path work;

  @Test
  void load_mutatedRecordsUnderSmallHeap() throws Exception {
    String seed = System.getProperty("offline-debug.fuzz.seed", "20261201");
    String inputs = System.getProperty("offline-debug.fuzz.inputs", "4000");
    Path failures = Path.of("target", "fuzz-failures").toAbsolutePath();
    Path output = work.resolve("child.txt");
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-Xmx64m",
        "-XX:-HeapDumpOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
        ReaderFuzzChild.class.getName(), seed, inputs, work.toString(), failures.toString()))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!child.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
      child.destroyForcibly();
    }
    String printed = read(output);
    assertEquals(0, child.exitValue(), printed);
    assertTrue(printed.contains("DONE " + inputs + " inputs"), printed);
    assertTrue(printed.lines().noneMatch(line -> line.startsWith("FAIL")), printed);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
