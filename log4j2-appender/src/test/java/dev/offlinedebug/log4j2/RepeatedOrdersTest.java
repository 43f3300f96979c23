package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.testing.RepeatedOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's Spring Boot report, with Log4j2: requests with quantities 7, 9 and 7 fail the same way
 * inside the dedup window. A child JVM with {@code -javaagent}, configured by {@code log4j2-sync.xml}
 * through the system property, as in production; each of the three log lines carries its own ID and
 * each ID loads its own request's values.
 */
class RepeatedOrdersTest {
  /** A line of {@code log4j2-sync.xml}'s layout for a failed request, and the first line of its stack trace. */
  private static final Pattern LINE = Pattern.compile("^LINE id=(\\S*) ERROR " + Pattern.quote(RepeatedOrders.LOGGER)
      + " \\[(\\S+)\\] " + RepeatedOrders.MESSAGE + " .*\\R(.*)$", Pattern.MULTILINE);

  @Test
  void threeRepeats_threeIdsEachWithItsOwnValues() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "repeats-").toAbsolutePath();
    Path config = Path.of(RepeatedOrdersTest.class.getClassLoader().getResource("log4j2-sync.xml").toURI());
    String log = RepeatedOrders.runChild(RepeatedOrdersMain.class, dir,
        "-Dlog4j2.configurationFile=" + config, "-D" + TestLogging.DIR_PROPERTY + "=" + dir);
    List<RepeatedOrders.Line> lines = LINE.matcher(log).results()
        .map(m -> new RepeatedOrders.Line(m.group(1), m.group(2), m.group(3))).toList();
    assertEquals(3, lines.size(), log);
    RepeatedOrders.assertEachIdLoadsItsOwnValues(dir.resolve("dumps"), lines);
  }
}
