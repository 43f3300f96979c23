package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.testing.RepeatedOrders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's Spring Boot report, with Logback: requests with quantities 7, 9 and 7 fail the same
 * way inside the dedup window. A child JVM with {@code -javaagent}, configured by the README's
 * {@code logback.xml} ({@code %dumpId} in the file appender's pattern); each of the three log lines
 * carries its own ID and each ID loads its own request's values.
 */
class RepeatedOrdersTest {
  /** A line of {@code logback-readme.xml}'s layout for a failed request, and the first line of its stack trace. */
  private static final Pattern LINE = Pattern.compile("ERROR \\[(\\S+)\\] " + Pattern.quote(RepeatedOrders.LOGGER)
      + " - " + RepeatedOrders.MESSAGE + " \\[dump (\\S+)\\]\\R(.*)$", Pattern.MULTILINE);

  @Test
  void threeRepeats_threeIdsEachWithItsOwnValues() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "repeats-").toAbsolutePath();
    Path config = Path.of(RepeatedOrdersTest.class.getClassLoader().getResource("logback-readme.xml").toURI());
    String log = RepeatedOrders.runChild(RepeatedOrdersMain.class, dir,
        "-Dlogback.configurationFile=" + config, "-Dod.dir=" + dir);
    List<RepeatedOrders.Line> lines = LINE.matcher(log).results()
        .map(m -> new RepeatedOrders.Line(m.group(2), m.group(1), m.group(3))).toList();
    assertEquals(3, lines.size(), log);
    RepeatedOrders.assertEachIdLoadsItsOwnValues(dir.resolve("dumps"), lines);
    assertSummariesWritten(dir.resolve("dumps"));
  }

  /** The README's {@code <shutdownHook/>} stops the appender at exit, which writes the summaries' buffered entries. */
  private static void assertSummariesWritten(Path dumps) throws IOException {
    try (Stream<Path> files = Files.list(dumps)) {
      List<Path> summaries = files.filter(f -> f.getFileName().toString().endsWith(".odsum")).toList();
      assertFalse(summaries.isEmpty(), "no summary in " + dumps);
      for (Path summary : summaries) {
        assertTrue(Files.size(summary) > 0, "empty summary " + summary);
      }
    }
  }
}
