package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthReportTest {

  /** A 320-byte method that throws: instrumenting it crosses the 325-byte inlining limit. */
  @Test
  void print_methodNearTheInliningLimit_crossesItOnlyWithTheGuardOff(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    GeneratedFixtures.writeLargeMethod(classes, "fixture.growth.NearLimit", 320);
    Path jar = dir.resolve("near-limit.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("fixture/growth/NearLimit.class"));
      out.write(Files.readAllBytes(classes.resolve("fixture/growth/NearLimit.class")));
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    GrowthReport.print(List.of(jar), new PrintStream(printed, true, StandardCharsets.UTF_8));

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), String.join("\n", lines));
    String[] guarded = lines.get(1).trim().split("\\s+");
    String[] unguarded = lines.get(2).trim().split("\\s+");
    // jar, classes, methods, bytecode, growth, instrumented, >325, >8000, (variant)
    assertEquals(List.of("near-limit.jar", "1", "2", "0", "0"),
        List.of(guarded[0], guarded[1], guarded[2], guarded[6], guarded[7]), lines.get(1));
    assertEquals(List.of("1", "0"), List.of(unguarded[6], unguarded[7]), lines.get(2));
    assertTrue(Double.parseDouble(unguarded[4].replace("%", "")) > 0, lines.get(2));
    assertTrue(lines.get(1).endsWith("(guard on)") && lines.get(2).endsWith("(guard off)"));
  }
}
