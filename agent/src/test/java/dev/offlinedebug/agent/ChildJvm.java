package dev.offlinedebug.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Java program in a fresh JVM of the running JDK, with or without the built agent. */
final class ChildJvm {
  private ChildJvm() {}

  static Path agentJar() {
    return Path.of(required("offlinedebug.agentJar"));
  }

  /** The test classes and core: the application class path of a typical host. */
  static String applicationClassPath(Path... extra) {
    StringBuilder path = new StringBuilder(required("offlinedebug.testClasses"))
        .append(File.pathSeparator).append(required("offlinedebug.coreJar"));
    for (Path entry : extra) {
      path.append(File.pathSeparator).append(entry);
    }
    return path.toString();
  }

  /** @param agentOptions null to run without the agent */
  static Result run(String agentOptions, String classPath, String mainClass, List<String> args,
      Path workDirectory) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("-cp", classPath, mainClass));
    arguments.addAll(args);
    return runRaw(agentOptions, arguments, workDirectory);
  }

  /** @param arguments everything after the {@code -javaagent} option */
  static Result runRaw(String agentOptions, List<String> arguments, Path workDirectory)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The child's temporary files in its own directory, where a test can see what it leaves.
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(workDirectory.resolve("tmp")));
    if (agentOptions != null) {
      command.add("-javaagent:" + agentJar() + "=" + agentOptions);
    }
    command.addAll(arguments);
    Path out = workDirectory.resolve("stdout.txt");
    Path err = workDirectory.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("child JVM did not finish: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set (run with mvn)");
    }
    return value;
  }

  record Result(int exitCode, String stdout, String stderr) {}
}
