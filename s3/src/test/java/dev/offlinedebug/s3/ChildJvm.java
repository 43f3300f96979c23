package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts {@link UploadChildMain} as an application would run: the agent, one logging framework on
 * the class path (the other framework's jars left out), upload set, and the AWS chain in its
 * environment.
 */
final class ChildJvm {
  private static final String AGENT_JAR = "offlinedebug.it.agentJar";

  private ChildJvm() {}

  static Process start(String framework, String end, Path dir, String upload, Map<String, String> environment)
      throws IOException {
    String config = framework.equals("log4j2")
        ? "-Dlog4j2.configurationFile=" + resource("log4j2-upload.xml")
        : "-Dlogback.configurationFile=" + resource("logback-upload.xml");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agentJar() + "=include=com.acme.*",
        "-cp", classPath(framework),
        config,
        "-Dod.dir=" + dir,
        "-Dod.upload=" + upload,
        "-Dchronicle.analytics.disable=true",
        UploadChildMain.class.getName(), framework, end));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("console.out").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /**
   * The test class path without the other framework's binding and appender. The Log4j2 application
   * has no SLF4J provider either, as most have not: the S3 client's SLF4J then has nowhere to log,
   * and must still print nothing. The Logback one is SLF4J's provider, so the client's logging goes
   * to the application's own configuration.
   */
  private static String classPath(String framework) {
    List<String> left = framework.equals("log4j2")
        ? List.of("logback-classic", "logback-core", "logback-appender", "log4j-slf4j2-impl")
        : List.of("log4j-slf4j2-impl", "log4j-core", "log4j2-appender");
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> left.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String resource(String name) {
    try {
      return Path.of(ChildJvm.class.getClassLoader().getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String agentJar() {
    String jar = System.getProperty(AGENT_JAR, "");
    assumeTrue(jar.endsWith(".jar"), "the agent jar is built by the package phase (mvn verify); " + AGENT_JAR + "=" + jar);
    return jar;
  }
}
