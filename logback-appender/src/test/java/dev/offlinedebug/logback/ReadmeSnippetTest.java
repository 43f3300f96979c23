package dev.offlinedebug.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Logback configuration, copied verbatim (only its {@code logs/} directory moved into
 * a temporary one), works as the README says: a dump ID on the line of a logged throwable, nothing
 * on other lines.
 */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");

  @RegisterExtension final LogbackContext logback = new LogbackContext();
  @TempDir Path work;

  @Test
  void readmeLogbackConfiguration_dumpIdOnlyOnLinesWithThrowable() throws Exception {
    String xml = snippet("OfflineDebugAppender").replace(">logs/", ">" + work.resolve("logs") + "/");
    Path config = Files.writeString(work.resolve("logback.xml"), xml, StandardCharsets.UTF_8);
    LoggerContext context = logback.configure(config.toUri().toURL());
    Logger logger = context.getLogger("com.acme.Readme");
    logger.info("plain line");
    logger.error("failed line", new IllegalStateException("boom"));
    context.stop();
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
