package dev.offlinedebug.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agent start-up cost: load, verify and initialise every class of real libraries (Guava,
 * jackson-databind, commons-lang3, commons-math3; see the benchmarks pom) in a fresh class loader,
 * with and without the agent instrumenting them (goal: at most 1.5x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = AgentAttachment.ALLOW_SELF_ATTACH)
public class AgentStartupBenchmark {
  static final String LIBRARIES = "include=com.google.*;com.fasterxml.*;org.apache.commons.*";

  @Param({"false", "true"})
  boolean agent;

  private URL[] urls;
  private List<String> classNames;

  @Setup
  public void setUp() throws Exception {
    if (agent) {
      AgentAttachment.attach(LIBRARIES);
    }
    List<Path> jars = libraryJars();
    urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    classNames = classNames(jars);
  }

  @Benchmark
  public int loadVerifyInitialiseAll() throws IOException {
    int loaded = 0;
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (String name : classNames) {
        try {
          Class.forName(name, true, loader);
          loaded++;
        } catch (Throwable e) {
          // optional dependencies missing: the same classes fail with and without the agent
        }
      }
    }
    return loaded;
  }

  static List<Path> libraryJars() throws Exception {
    try (Stream<Path> files = Files.list(AgentAttachment.startupJars())) {
      return files.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
    }
  }

  static List<String> classNames(List<Path> jars) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
          String entry = entries.nextElement().getName();
          if (entry.endsWith(".class") && !entry.contains("-") && !entry.startsWith("META-INF")) {
            names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
          }
        }
      }
    }
    return names;
  }
}
