package dev.offlinedebug.log4j2;

import dev.offlinedebug.testing.ReadmeSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @TempDir Path work;

  @Test
  void readmeLog4j2Configuration_dumpIdOnlyOnLinesWithThrowable() throws Exception {
    String xml = ReadmeSnippets.xml("<Configuration").replace("\"logs/", "\"" + work.resolve("logs") + "/");
    Path config = Files.writeString(work.resolve("log4j2.xml"), xml, StandardCharsets.UTF_8);
    LoggerContext context = Configurator.initialize("readme", null, config.toUri());
    try {
      Logger logger = context.getLogger("com.acme.Readme");
      logger.info("plain line");
      logger.error("failed line", new IllegalStateException("boom"));
    } finally {
      Configurator.shutdown(context);
    }
    ReadmeSnippets.assertDumpIdOnlyOnFailedLine(work.resolve("logs"));
  }
}
