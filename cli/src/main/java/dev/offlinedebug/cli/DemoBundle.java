package dev.offlinedebug.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The jars {@code offline-debug demo} runs, bundled inside the command's own jar by the build: the
 * example application with its logging framework and appender, and the agent. They are unpacked
 * into a scratch directory, since a JVM cannot load a jar inside a jar.
 */
final class DemoBundle {
  static final String FOLDER = "dev/offlinedebug/cli/demo/";
  static final String AGENT_JAR = "offline-debug-agent.jar";

  private final Path agentJar;
  private final List<Path> classPath;

  private DemoBundle(Path agentJar, List<Path> classPath) {
    this.agentJar = agentJar;
    this.classPath = classPath;
  }

  /** Unpacks the bundled jars into {@code scratch}. */
  static DemoBundle unpack(Path scratch) throws IOException {
    Path commandJar = locateCommandJar();
    Path agentJar = null;
    List<Path> classPath = new ArrayList<>();
    classPath.add(commandJar);
    try (JarFile jar = new JarFile(commandJar.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith(FOLDER) || !name.endsWith(".jar") || name.indexOf('/', FOLDER.length()) >= 0) {
          continue;
        }
        Path target = scratch.resolve(name.substring(FOLDER.length()));
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, target);
        }
        if (target.getFileName().toString().equals(AGENT_JAR)) {
          agentJar = target;
        } else {
          classPath.add(target);
        }
      }
    }
    if (classPath.size() == 1) {
      throw new IOException(commandJar + " holds no demo application: rebuild it with ./offline-debug");
    }
    return new DemoBundle(agentJar, classPath);
  }

  private static Path locateCommandJar() throws IOException {
    try {
      Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        throw new IOException("the demo runs from the packaged command (./offline-debug demo), not from " + location);
      }
      return location;
    } catch (URISyntaxException | SecurityException e) {
      throw new IOException("cannot locate the command's jar: " + e.getMessage(), e);
    }
  }

  /** The agent jar, or {@code null} when the build had none to bundle. */
  Path agentJar() {
    return agentJar;
  }

  List<Path> classPath() {
    return classPath;
  }
}
