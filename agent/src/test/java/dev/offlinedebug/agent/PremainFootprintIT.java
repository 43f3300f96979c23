package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent's start-up costs the application beyond its own work: no part of the JDK that
 * takes tens of milliseconds to start is started for the agent alone (the security providers behind
 * {@code SecureRandom}, the time-zone rules, the method handle runtime behind records' generated
 * methods and invokedynamic string concatenation).
 */
class PremainFootprintIT {
  /** Prefixes of JDK classes that the agent must not be the first to load. */
  private static final List<String> COSTLY = List.of("java.security.SecureRandom", "sun.security.provider.",
      "java.time.zone.", "java.lang.runtime.ObjectMethods", "java.lang.invoke.StringConcatFactory$");

  @TempDir
  Path work;

  @Test
  void premain_startsNothingCostlyThatTheApplicationDidNot() throws Exception {
    Set<String> without = costlyClassesLoaded(null, "without");
    Set<String> with = costlyClassesLoaded("include=fixture.*", "with");
    with.removeAll(without);
    assertEquals(Set.of(), with, "loaded only with the agent");
  }

  private Set<String> costlyClassesLoaded(String agentOptions, String name) throws Exception {
    Path log = work.resolve(name + "-classes.txt");
    ChildJvm.Result result = ChildJvm.runRaw(agentOptions, List.of("-Xlog:class+load:file=" + log,
        "-cp", ChildJvm.applicationClassPath(), "fixture.agent.Minimal"), Files.createDirectories(work.resolve(name)));
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("sum 6\n", result.stdout().replace("\r\n", "\n"));
    Set<String> costly = new TreeSet<>();
    for (String line : Files.readAllLines(log)) {
      // "[0.045s][info][class,load] java.lang.Object source: shared objects file"
      String[] words = line.substring(line.indexOf(']', line.indexOf("class,load")) + 2).split(" ");
      String loaded = words[0];
      if (COSTLY.stream().anyMatch(loaded::startsWith)) {
        costly.add(loaded);
      }
    }
    return costly;
  }
}
