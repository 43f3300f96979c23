package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code offline-debug.jar} as a child process, the way a user does. */
final class JarRunner {
  /** Only a guard against a hung child: no test asserts on how long a command takes. */
  private static final long HANG_GUARD_MINUTES = 5;

  private final Path workDir;
  private final Map<String, String> environment = new HashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();

  JarRunner(Path workDir) {
    this.workDir = workDir;
  }

  static Path jar() {
    String jar = System.getProperty("offlinedebug.cli.jar");
    assertNotNull(jar, "system property offlinedebug.cli.jar (set by the build) names the packaged command");
    Path path = Path.of(jar);
    assertTrue(Files.isRegularFile(path), path + " is built before the integration tests run");
    return path;
  }

  JarRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs the command's JVM with {@code options}, such as {@code -Xmx64m}. */
  JarRunner jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** The outcome of one run: exit code and everything printed. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow"); // as the launcher script does
    }
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("NO_COLOR");
    builder.environment().remove(StoreOptions.ENVIRONMENT_VARIABLE);
    builder.environment().putAll(environment);
    return builder;
  }

  Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("offline-debug " + String.join(" ", args) + " hung");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
