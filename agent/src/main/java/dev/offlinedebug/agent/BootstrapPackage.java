package dev.offlinedebug.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
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

  private BootstrapPackage() {}

  /** @return the module the bootstrap copies live in, which instrumented named modules must read */
  static Module install(Instrumentation instrumentation) throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path agentJar = Path.of(BootstrapPackage.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path extracted = Files.createTempFile("offline-debug-locals-", ".jar");
    extracted.toFile().deleteOnExit();
    int copied = 0;
    try (JarFile source = new JarFile(agentJar.toFile());
        OutputStream file = Files.newOutputStream(extracted);
        JarOutputStream target = new JarOutputStream(file)) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
          target.putNextEntry(new JarEntry(entry.getName()));
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
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(extracted.toFile()));
    Class<?> probe = Class.forName(PROBE, false, null);
    Class<?> seenByApplication = Class.forName(PROBE, false, ClassLoader.getSystemClassLoader());
    if (probe != seenByApplication) {
      AgentReport.always("attached after the application loaded " + PROBE
          + " itself: locals are recorded but the application's capture may not see them");
    }
    return probe.getModule();
  }
}
