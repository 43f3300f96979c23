package dev.offlinedebug.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offlinedebug.testing.ReadmeSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Logback configuration, copied verbatim (only its {@code logs/} directory moved into
 * a temporary one), works as the README says: a dump ID on the line of a logged throwable, nothing
 * on other lines.
 */
class ReadmeSnippetTest {
  @RegisterExtension final LogbackContext logback = new LogbackContext();
  @TempDir Path work;

  @Test
  void readmeLogbackConfiguration_dumpIdOnlyOnLinesWithThrowable() throws Exception {
    String xml = ReadmeSnippets.xml("OfflineDebugAppender").replace(">logs/", ">" + work.resolve("logs") + "/");
    Path config = Files.writeString(work.resolve("logback.xml"), xml, StandardCharsets.UTF_8);
    LoggerContext context = logback.configure(config.toUri().toURL());
    Logger logger = context.getLogger("com.acme.Readme");
    logger.info("plain line");
    logger.error("failed line", new IllegalStateException("boom"));
    context.stop();
    ReadmeSnippets.assertDumpIdOnlyOnFailedLine(work.resolve("logs"));
  }
}
