package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.Value;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fixture project {@code src/it/surefire-fixture} with Maven and Surefire in a child
 * process, offline, the way a user runs it: once with this module's jars from the reactor and the
 * agent in {@code argLine}, once with the README's Maven snippet as the project's setup.
 */
class SurefireRunTest {
  /** A hang guard for the child Maven, far above its usual 15 to 30 seconds; not a time bound. */
  private static final long CHILD_MAVEN_LIMIT_MINUTES = 10;

  @TempDir Path project;

  @Test
  void surefireRun_failingTest_writesDumpWithLocalsAndReportsItsId() throws Exception {
    Path agentJar = Path.of(property("offlinedebug.it.agentJar"));
    boolean agent = isAgentJar(agentJar);
    copyFixture(Path.of(property("offlinedebug.it.fixture")));

    String classpath =
        Arrays.stream(property("offlinedebug.it.classpath").split(File.pathSeparator))
            .filter(element -> !element.isBlank())
            .collect(Collectors.joining(","));
    runMaven(
        "-Dmaven.repo.local=" + property("offlinedebug.it.localRepository"),
        "-Dmaven.test.additionalClasspath=" + classpath,
        "-Dofflinedebug.agentArg=" + (agent ? "-javaagent:" + agentJar + "=include=com.acme.*" : ""));

    assertDumpOfFailingTest(agent, agentJar);
  }

  /**
   * The README's Maven snippet, verbatim, merged into a user's plain JUnit 5 pom: the extension and
   * the agent resolved as published artifacts, the agent's path from the dependency plugin.
   */
  @Test
  void readmeSnippet_asTheUsersPom_writesDumpWithLocals(@TempDir Path repositories) throws Exception {
    Path agentJar = Path.of(property("offlinedebug.it.agentJar"));
    assumeTrue(isAgentJar(agentJar), "the README's setup needs the packaged agent (mvn verify): " + agentJar);
    copyFixture(Path.of(property("offlinedebug.it.fixture")));
    Files.writeString(project.resolve("pom.xml"), ReadmeProject.pom(), StandardCharsets.UTF_8);
    Path repository = ReadmeProject.repository(repositories.resolve("local"),
        Path.of(property("offlinedebug.it.localRepository")), property("offlinedebug.it.version"), agentJar);

    runMaven("-Dmaven.repo.local=" + repository);

    assertDumpOfFailingTest(true, agentJar);
  }

  private void assertDumpOfFailingTest(boolean agent, Path agentJar) throws IOException {
    List<DumpSummary> dumps = OfflineDebug.open(project.resolve("target/offline-debug")).list();
    assertEquals(1, dumps.size(), "dumps: " + dumps);
    Dump dump = OfflineDebug.open(project.resolve("target/offline-debug")).load(dumps.get(0).id());
    assertEquals(IllegalStateException.class.getName(), dump.exception().root().type());
    assertEquals("order of acme has no lines", dump.exception().root().message());
    assertTrue(
        dump.attributes().get("test.uniqueId").contains("total_emptyOrder"),
        "test ID: " + dump.attributes());
    assertTrue(surefireReports().contains(dump.id()), "Surefire reports do not name " + dump.id());

    assumeTrue(
        agent,
        "locals not checked: " + agentJar + " is not an agent jar (the reactor packages it in `mvn verify`)");
    assertTrue(dump.localsCaptured(), "dump says the agent was not active");
    assertEquals(new PrimitiveValue("int", 0), local(dump, "com.acme.Order", "total", "lines"));
    assertEquals(new PrimitiveValue("int", 7), local(dump, "com.acme.OrderTest", "total_emptyOrder", "unitPrice"));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assumeTrue(value != null, name + " is set by the Maven build only (see junit5/pom.xml)");
    return value;
  }

  /** Whether {@code jar} is a packaged agent: the reactor gives a class directory before package. */
  private static boolean isAgentJar(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null
          && file.getManifest().getMainAttributes().getValue("Premain-Class") != null;
    }
  }

  private void copyFixture(Path fixture) throws IOException {
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = project.resolve(fixture.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** Runs {@code mvn test} offline in the project, with {@code options}. */
  private void runMaven(String... options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(property("offlinedebug.it.mavenHome"), "bin", "mvn").toString());
    command.addAll(List.of("-B", "-o", "-ntp", "-Djunit.version=" + property("offlinedebug.it.junitVersion")));
    command.addAll(List.of(options));
    // The fixture's failure is expected: the build succeeds, the reports record it.
    command.addAll(List.of("-Dmaven.test.failure.ignore=true", "test"));
    Path log = project.resolve("maven.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The child builds and tests with the JDK this test runs on, so each CI JDK covers it.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    boolean finished = maven.waitFor(CHILD_MAVEN_LIMIT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      maven.destroyForcibly();
    }
    assertTrue(finished, "child Maven hung; output:\n" + Files.readString(log));
    assertEquals(0, maven.exitValue(), "child Maven failed; output:\n" + Files.readString(log));
  }

  private String surefireReports() throws IOException {
    StringBuilder reports = new StringBuilder();
    try (Stream<Path> files = Files.list(project.resolve("target/surefire-reports"))) {
      for (Path file : files.toList()) {
        reports.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertFalse(reports.isEmpty(), "no Surefire reports");
    return reports.toString();
  }

  private static Value local(Dump dump, String className, String method, String name) {
    return dump.exception().root().frames().stream()
        .filter(frame -> frame.className().equals(className) && frame.methodName().equals(method))
        .map(FrameInfo::locals)
        .flatMap(List::stream)
        .filter(local -> local.name().equals(name))
        .map(LocalVariable::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no local " + name + " in " + className + "." + method));
  }
}
