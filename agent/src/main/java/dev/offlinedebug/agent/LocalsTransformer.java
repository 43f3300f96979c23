package dev.offlinedebug.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each class the filter accepts to the {@link ClassInstrumenter}. Never throws into the JVM:
 * a failure is reported and the class loads unchanged. A class loaded while this thread is already
 * transforming (the instrumenter's own classes) is left alone.
 */
final class LocalsTransformer implements ClassFileTransformer {
  private static final byte[] NO_TRANSFORMATION = null;

  private final ClassFilter filter;
  private final ClassInstrumenter instrumenter;
  private final Instrumentation instrumentation;
  private final Module recorderModule;
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
  private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();
  private final Set<Module> modulesReadingRecorder = ConcurrentHashMap.newKeySet();

  LocalsTransformer(ClassFilter filter, ClassInstrumenter instrumenter,
      Instrumentation instrumentation, Module recorderModule) {
    this.filter = filter;
    this.instrumenter = instrumenter;
    this.instrumentation = instrumentation;
    this.recorderModule = recorderModule;
  }

  /** Loads the instrumenter's classes now, before they could be needed inside a class load. */
  void warmUp() throws IOException {
    try (InputStream in = LocalsTransformer.class.getResourceAsStream("LocalsTransformer.class")) {
      if (in != null) {
        instrumenter.instrument(in.readAllBytes());
      }
    }
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (className == null || loader == null || loader == platformLoader
        || transforming.get() != null || !filter.accepts(className)) {
      return NO_TRANSFORMATION;
    }
    transforming.set(Boolean.TRUE);
    try {
      byte[] instrumented = instrumenter.instrument(classfileBuffer);
      if (instrumented != null && module != null && module.isNamed()) {
        letRead(module);
      }
      return instrumented;
    } catch (Throwable e) {
      AgentReport.failure(className.replace('/', '.'), e);
      return NO_TRANSFORMATION;
    } finally {
      transforming.remove();
    }
  }

  /** A named module reads no unnamed module unless told to: the handlers call into one. */
  private void letRead(Module module) {
    if (modulesReadingRecorder.add(module) && !module.canRead(recorderModule)) {
      instrumentation.redefineModule(module, Set.of(recorderModule), Map.of(), Map.of(),
          Set.of(), Map.of());
    }
  }
}
