package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's configuration snippets, copied verbatim by the appender modules' tests, and the
 * check that a configuration written from one behaves as the README says. Run from a module
 * folder, as Surefire does.
 */
public final class ReadmeSnippets {
  private static final Path README = Path.of("..", "README.md");

  private ReadmeSnippets() {}

  /** The README's first {@code ```xml} block that contains {@code marker}. */
  public static String xml(String marker) throws IOException {
    Matcher block = Pattern.compile("(?ms)^```xml\\n(.*?)^```$").matcher(Files.readString(README));
    while (block.find()) {
      if (block.group(1).contains(marker)) {
        return block.group(1);
      }
    }
    throw new AssertionError("README.md has no xml block with " + marker);
  }

  /**
   * After {@code plain line} was logged without and {@code failed line} with a throwable: {@code
   * logs/app.log} has no dump part on the first, {@code [dump ID]} on the second, and {@code
   * logs/dumps} holds exactly that dump. Returns its ID.
   */
  public static String assertDumpIdOnlyOnFailedLine(Path logs) throws IOException {
    List<String> lines = Files.readAllLines(logs.resolve("app.log"), StandardCharsets.UTF_8);
    String plain = lines.stream().filter(l -> l.contains("plain line")).findFirst().orElseThrow();
    assertTrue(plain.endsWith("plain line"), "no dump part without a throwable: " + plain);
    String failed = lines.stream().filter(l -> l.contains("failed line")).findFirst().orElseThrow();
    Matcher id = Pattern.compile("failed line \\[dump (od-\\S+)\\]$").matcher(failed);
    assertTrue(id.find(), failed);
    List<DumpSummary> dumps = OfflineDebug.open(logs.resolve("dumps")).list();
    assertEquals(List.of(id.group(1)), dumps.stream().map(DumpSummary::id).toList());
    return id.group(1);
  }
}
