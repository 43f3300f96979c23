import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the start-up benchmark does, timed in CPU: loads, verifies and initialises every class of
 * the jars in a directory in a fresh class loader, round after round, and prints the loading
 * thread's CPU milliseconds per round (the agent's transformer runs on that thread). Run by {@code
 * agent/scripts/startup-cpu.sh}.
 */
public final class StartupCpu {
  private StartupCpu() {}

  public static void main(String[] args) throws Exception {
    List<URL> urls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path jar : files.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(jar.toUri().toURL());
        try (JarFile file = new JarFile(jar.toFile())) {
          for (JarEntry entry : file.stream().toList()) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF")) {
              names.add(name.substring(0, name.length() - 6).replace('/', '.'));
            }
          }
        }
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StringBuilder rounds = new StringBuilder();
    for (int round = 0; round < Integer.parseInt(args[1]); round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
          ClassLoader.getPlatformClassLoader())) {
        for (String name : names) {
          try {
            Class.forName(name, true, loader);
          } catch (Throwable e) {
            // optional dependencies missing: the same classes fail with and without the agent
          }
        }
      }
      rounds.append(' ').append((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
    System.out.println(rounds.toString().trim());
  }
}
