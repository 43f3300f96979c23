package dev.offlinedebug.agent;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The instrumenter's own cost, apart from the JVM's: instruments every class of the jars in a
 * directory, round after round, in this thread, and prints per round the thread's CPU time and the
 * bytes it allocated (the first round runs the instrumenter interpreted, as at an application's
 * start). Run by {@code agent/scripts/instrumenter-cpu.sh}; compiled into the agent's package to
 * reach its instrumenter.
 */
public final class InstrumenterCpu {
  private InstrumenterCpu() {}

  public static void main(String[] args) throws Exception {
    List<byte[]> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path jar : files.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          for (JarEntry entry : file.stream().toList()) {
            if (entry.getName().endsWith(".class") && !entry.getName().contains("-")) {
              classes.add(file.getInputStream(entry).readAllBytes());
            }
          }
        }
      }
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    ClassInstrumenter instrumenter = new ClassInstrumenter(true);
    StringBuilder rounds = new StringBuilder();
    long written = 0;
    for (int round = 0; round < Integer.parseInt(args[1]); round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      for (byte[] classFile : classes) {
        byte[] instrumented = instrumenter.instrument(classFile);
        written += instrumented == null ? 0 : instrumented.length;
      }
      rounds.append(String.format(" %d ms %d MB",
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
          (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20));
    }
    System.out.println(classes.size() + " classes, " + written + " bytes written;" + rounds);
  }
}
