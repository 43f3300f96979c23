package dev.offlinedebug.agent;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies each jar of a directory into another with its classes as the agent would instrument them
 * at load, so that a run without the agent pays only the JVM's work on the larger class files, not
 * the instrumenter's. Run by {@code agent/scripts/startup-cpu.sh --ahead-of-time}; compiled into
 * the agent's package to reach its instrumenter.
 */
public final class AheadOfTime {
  private AheadOfTime() {}

  public static void main(String[] args) throws Exception {
    ClassInstrumenter instrumenter = new ClassInstrumenter(true);
    Path target = Files.createDirectories(Path.of(args[1]));
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
      for (Path jar : jars) {
        try (JarFile source = new JarFile(jar.toFile());
            JarOutputStream copy = new JarOutputStream(
                Files.newOutputStream(target.resolve(jar.getFileName())))) {
          for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            byte[] bytes = source.getInputStream(entry).readAllBytes();
            byte[] instrumented = entry.getName().endsWith(".class")
                ? instrumenter.instrument(bytes) : null;
            copy.putNextEntry(new JarEntry(entry.getName()));
            copy.write(instrumented == null ? bytes : instrumented);
          }
        }
      }
    }
  }
}
