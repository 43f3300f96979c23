package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness on code nobody here wrote: commons-lang3's own test suite (its tests jar from Maven
 * Central, run by the JUnit console launcher) with and without the agent instrumenting every
 * {@code org.apache.commons.lang3} class, library and tests alike. A bounded subset by default;
 * {@code -Dofflinedebug.fullThirdPartySuite=true} runs all of it.
 */
class ThirdPartySuiteIT {
  private static final String LAUNCHER = "junit-platform-console-standalone";
  private static final List<String> SUBSET = List.of(
      "--select-package", "org.apache.commons.lang3.builder",
      "--select-package", "org.apache.commons.lang3.mutable",
      "--select-package", "org.apache.commons.lang3.tuple",
      "--select-class", "org.apache.commons.lang3.StringUtilsTest",
      "--select-class", "org.apache.commons.lang3.ArrayUtilsTest");
  /** As commons-lang3's own build runs its tests: reflection tests need these. */
  private static final List<String> OPENS = Stream.of("java.lang", "java.util",
      "java.lang.reflect", "java.time", "java.text", "java.io", "java.util.concurrent",
      "java.util.concurrent.atomic").flatMap(p -> Stream.of("--add-opens",
      "java.base/" + p + "=ALL-UNNAMED")).toList();

  @TempDir
  Path work;

  @Test
  void commonsLang3Tests_samePassesWithAgent() throws Exception {
    Path jars = Path.of(System.getProperty("offlinedebug.thirdParty"));
    Path launcher = null;
    List<String> classPath = new ArrayList<>();
    Path testsJar = null;
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.sorted().toList()) {
        String name = jar.getFileName().toString();
        if (name.startsWith(LAUNCHER)) {
          launcher = jar;
        } else {
          classPath.add(jar.toString());
          testsJar = name.endsWith("-tests.jar") ? jar : testsJar;
        }
      }
    }
    List<String> selection = Boolean.getBoolean("offlinedebug.fullThirdPartySuite")
        ? List.of("--scan-class-path", String.valueOf(testsJar)) : SUBSET;
    List<String> arguments = new ArrayList<>(OPENS);
    arguments.addAll(List.of("-jar", String.valueOf(launcher), "execute", "--disable-banner",
        "--details=summary", "--class-path", String.join(File.pathSeparator, classPath)));
    arguments.addAll(selection);

    Summary plain = run(null, arguments, "plain");
    Summary instrumented = run("include=org.apache.commons.lang3.*;verbose=true", arguments,
        "agent");

    assertTrue(plain.successful > 1000, plain.output);
    assertEquals(plain.successful, instrumented.successful, instrumented.output);
    assertEquals(plain.failed, instrumented.failed, instrumented.output);
    assertFalse(instrumented.output.contains("VerifyError"), instrumented.output);
    Matcher stats = Pattern.compile("methods=(\\d+) .* failures=(\\d+)")
        .matcher(instrumented.output);
    assertTrue(stats.find(), instrumented.output);
    assertTrue(Integer.parseInt(stats.group(1)) > 1000, stats.group());
    assertEquals("0", stats.group(2), instrumented.output);
  }

  private Summary run(String agentOptions, List<String> arguments, String name)
      throws IOException, InterruptedException {
    Path directory = Files.createDirectories(work.resolve(name));
    ChildJvm.Result result = ChildJvm.runRaw(agentOptions, arguments, directory);
    String output = result.stdout() + result.stderr();
    return new Summary(count(output, "tests successful"), count(output, "tests failed"), output);
  }

  private static int count(String output, String label) {
    Matcher matcher = Pattern.compile("\\[\\s*(\\d+) " + label).matcher(output);
    if (!matcher.find()) {
      throw new AssertionError("no '" + label + "' in the launcher's output:\n" + output);
    }
    return Integer.parseInt(matcher.group(1));
  }

  private record Summary(int successful, int failed, String output) {}
}
