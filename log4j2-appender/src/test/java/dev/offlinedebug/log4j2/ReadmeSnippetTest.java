package dev.offlinedebug.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Log4j2 configuration, copied verbatim (only its {@code logs/} directory moved into a
 * temporary one), works as the README says: a dump ID on the line of a logged throwable, nothing
 * on other lines.
 */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");

  @TempDir Path work;

  @Test
  void readmeLog4j2Configuration_dumpIdOnlyOnLinesWithThrowable() throws Exception {
    String xml = snippet("<Configuration").replace("\"logs/", "\"" + work.resolve("logs") + "/");
    Path config = Files.writeString(work.resolve("log4j2.xml"), xml, StandardCharsets.UTF_8);
    LoggerContext context = Configurator.initialize("readme", null, config.toUri());
    try {
      Logger logger = context.getLogger("com.acme.Readme");
      logger.info("plain line");
      logger.error("failed line", new IllegalStateException("boom"));
    } finally {
      Configurator.shutdown(context);
    }
    List<String> lines = Files.readAllLines(work.resolve("logs/app.log"), StandardCharsets.UTF_8);
    String plain = lines.stream().filter(l -> l.contains("plain line")).findFirst().orElseThrow();
    assertTrue(plain.endsWith("plain line"), "no dump part without a throwable: " + plain);
    String failed = lines.stream().filter(l -> l.contains("failed line")).findFirst().orElseThrow();
    Matcher id = Pattern.compile("failed line \\[dump (od-\\S+)\\]$").matcher(failed);
    assertTrue(id.find(), failed);
    List<DumpSummary> dumps = OfflineDebug.open(work.resolve("logs/dumps")).list();
    assertEquals(List.of(id.group(1)), dumps.stream().map(DumpSummary::id).toList());
  }

  /** The README's first {@code ```xml} block that contains {@code marker}. */
  static String snippet(String marker) throws Exception {
    Matcher block = Pattern.compile("(?ms)^```xml\\n(.*?)^```$").matcher(Files.readString(README));
    while (block.find()) {
      if (block.group(1).contains(marker)) {
        return block.group(1);
      }
    }
    throw new AssertionError("README.md has no xml block with " + marker);
  }
}
