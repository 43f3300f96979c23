package dev.offlinedebug.internal.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link StoreChild} JVM whose output lines are collected as they come. */
final class ChildJvm implements AutoCloseable {
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final Process process;
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = new Thread(this::collect, "child-output");
    reader.start();
  }

  /** Starts {@code StoreChild args}; with a file-size limit in KiB when {@code fileSizeKib > 0}. */
  static ChildJvm start(Path stderr, int fileSizeKib, String... args) throws IOException {
    return startOn(System.getProperty("java.class.path"), stderr, fileSizeKib, args);
  }

  /** Starts {@code StoreChild args} on {@code classPath}. */
  static ChildJvm startOn(String classPath, Path stderr, int fileSizeKib, String... args) throws IOException {
    return startWith(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(), classPath, stderr,
        fileSizeKib, args);
  }

  /** Starts {@code StoreChild args} with the {@code java} launcher given, and {@code flags} before the class path. */
  static ChildJvm startWith(String launcher, List<String> flags, String classPath, Path stderr, int fileSizeKib,
      String... args) throws IOException {
    List<String> java = new ArrayList<>(List.of(launcher, "-XX:-UsePerfData", "-Xmx128m"));
    java.addAll(flags);
    java.addAll(List.of("-cp", classPath, StoreChild.class.getName()));
    java.addAll(List.of(args));
    List<String> command = java;
    if (fileSizeKib > 0) {
      command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + fileSizeKib + "; exec \"$@\"", "bash"));
      command.addAll(java);
    }
    return new ChildJvm(new ProcessBuilder(command).redirectError(stderr.toFile()).start());
  }

  private void collect() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("READ FAILED " + e);
    }
  }

  /** The printed dump IDs. */
  List<String> ids() {
    return lines.stream().filter(l -> l.startsWith(DumpId.PREFIX)).toList();
  }

  /** Waits (bounded) until the child printed {@code count} IDs or ended. */
  void awaitIds(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (ids().size() < count && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** Waits (bounded) for the child to end and for its output to be read; its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    reader.join(TimeUnit.MINUTES.toMillis(1));
    return process.exitValue();
  }

  /** SIGKILL, then collects what it printed before. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitExit();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
