package dev.offlinedebug.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the {@code dev.offlinedebug.locals} classes on the bootstrap class path. Instrumented classes
 * in every class loader and the capture code on the application class path then resolve them,
 * parent first, to one copy: the one that holds the records.
 */
final class BootstrapPackage {
  private static final String PACKAGE_PATH = "dev/offlinedebug/locals/";
  private static final String PROBE = "dev.offlinedebug.locals.RecordingSite";
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final int MAX_NAME_ATTEMPTS = 100;
  private static final String MEMORY_DIRECTORY = "/dev/shm";

  private BootstrapPackage() {}

  /** @return the module the bootstrap copies live in, which instrumented named modules must read */
  static Module install(Instrumentation instrumentation) throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path agentJar = Path.of(BootstrapPackage.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path extracted = createTempJar();
    int copied = 0;
    try (JarFile source = new JarFile(agentJar.toFile());
        OutputStream file = Files.newOutputStream(extracted, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        JarOutputStream target = new JarOutputStream(file)) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
          JarEntry copy = new JarEntry(entry.getName());
          // A fixed time: stamping the current one would load the JDK's time-zone rules.
          copy.setTimeLocal(ENTRY_TIME);
          target.putNextEntry(copy);
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(target);
          }
          target.closeEntry();
          copied++;
        }
      }
    }
    if (copied == 0) {
      throw new IOException(agentJar + " holds no " + PACKAGE_PATH + " classes");
    }
    try (JarFile jar = new JarFile(extracted.toFile())) {
      instrumentation.appendToBootstrapClassLoaderSearch(jar); // the JVM opens it by name, for good
    }
    Class<?> probe = Class.forName(PROBE, false, null);
    deleteOpened(extracted);
    Class<?> seenByApplication = Class.forName(PROBE, false, ClassLoader.getSystemClassLoader());
    if (probe != seenByApplication) {
      AgentReport.always("attached after the application loaded " + PROBE
          + " itself: locals are recorded but the application's capture may not see them");
    }
    return probe.getModule();
  }

  /**
   * Deletes the extracted jar now that the JVM holds it open, rather than at exit: a JVM killed with
   * SIGKILL (an out-of-memory kill, a container stopped after its grace period) runs no exit hook,
   * and a service restarted over and over would leave a jar in the temporary directory each time.
   * The JVM reads the rest of the package through the file it opened, which outlives its name on
   * POSIX; where an open file cannot be deleted (Windows), it goes at exit.
   */
  private static void deleteOpened(Path extracted) {
    try {
      Files.delete(extracted);
    } catch (IOException e) {
      extracted.toFile().deleteOnExit();
    }
  }

  /**
   * A new empty file (mode 0600 where POSIX) in the temporary directory, never one planted there.
   * Where that directory cannot be written (a container with a read-only root file system and no
   * volume on {@code /tmp}), in {@code /dev/shm}, the memory file system such containers still
   * have; the file lives there only until the JVM has opened it. Not {@code Files.createTempFile}:
   * its {@code SecureRandom} loads the security providers, tens of milliseconds of the
   * application's start-up; the name need not be unguessable, as creating it fails on anything
   * already there, which the next name avoids.
   */
  private static Path createTempJar() throws IOException {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      return createTempJar(temporary);
    } catch (IOException e) {
      Path memory = Path.of(MEMORY_DIRECTORY);
      if (!Files.isDirectory(memory) || memory.equals(temporary)) {
        throw e;
      }
      try {
        return createTempJar(memory);
      } catch (IOException second) {
        e.addSuppressed(second);
        throw e;
      }
    }
  }

  private static Path createTempJar(Path directory) throws IOException {
    FileAttribute<?>[] mode = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      Path path = directory.resolve(
          "offline-debug-locals-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".jar");
      try {
        return Files.createFile(path, mode);
      } catch (FileAlreadyExistsException e) {
        if (attempt == MAX_NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
