package dev.offlinedebug.logback;

import dev.offlinedebug.testing.QuietHost;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application configured by the README's {@code logback.xml}, with the agent, in a child JVM of
 * the JDK running the tests (CI runs them on JDK 17 and 25): its log holds only its own lines, its
 * console nothing of ours, no thread of ours is left, no Chronicle class is loaded to write the
 * dump, and the ID in the log line loads with its locals; on JDK 24 and later also with {@code
 * --sun-misc-unsafe-memory-access=deny}, the announced default of a later JDK.
 */
class HostInvisibilityTest {
  /** The README's pattern: {@code %d %-5level [%thread] %logger - %msg%replace( [dump %dumpId]){' \[dump \]', ''}%n%ex}. */
  private static final Pattern EVENT = Pattern.compile(
      "^\\d{4}-\\d\\d-\\d\\d \\S+ (?<level>\\S+)\\s+\\[[^]]*] (?<logger>\\S+) - (?<message>.*)$");

  @ParameterizedTest(name = "unsafe memory access {0}")
  @ValueSource(strings = {"default", "deny"})
  void logError_readmeConfigurationWithAgent_hostSeesOnlyItsOwnOutput(String unsafeAccess) throws Exception {
    Path config = Path.of(HostInvisibilityTest.class.getClassLoader().getResource("logback-readme.xml").toURI());
    QuietHost.run(unsafeAccess, "logback.configurationFile", config).assertInvisible(EVENT);
  }
}
