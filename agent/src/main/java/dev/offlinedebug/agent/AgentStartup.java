package dev.offlinedebug.agent;

import dev.offlinedebug.locals.JdkFieldGetters;
import dev.offlinedebug.locals.UnwindRecorder;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the agent: puts the recorder on the bootstrap class path, activates it, registers the
 * transformer and retransforms matching classes loaded before it. Any failure leaves the
 * application running without locals, and says why on standard error.
 */
final class AgentStartup {
  private AgentStartup() {}

  static synchronized void start(String arguments, Instrumentation instrumentation) {
    if (AgentReport.started) {
      return;
    }
    try {
      AgentOptions options = AgentOptions.parse(arguments);
      AgentReport.verbose = options.verbose;
      // Must come before anything resolves a dev.offlinedebug.locals class through this loader.
      Module recorderModule = BootstrapPackage.install(instrumentation);
      JdkFieldGetters.open(instrumentation);
      UnwindRecorder.activate(options.maxFrames, options.maxExceptionsPerSecond);
      ClassFilter filter = new ClassFilter(options.include, options.exclude);
      LocalsTransformer transformer = new LocalsTransformer(
          filter, new ClassInstrumenter(options.inliningGuard), instrumentation, recorderModule);
      transformer.warmUp();
      AgentReport.resetCounters();
      instrumentation.addTransformer(transformer, true);
      AgentReport.started = true;
      if (options.retransform && instrumentation.isRetransformClassesSupported()) {
        retransformLoaded(instrumentation, filter);
      }
      if (options.verbose) {
        Runtime.getRuntime().addShutdownHook(new Thread(AgentReport::printStats,
            "offline-debug-agent-stats"));
      }
    } catch (Throwable e) {
      AgentReport.always("not started, locals will not be captured: " + e);
    }
  }

  private static void retransformLoaded(Instrumentation instrumentation, ClassFilter filter) {
    List<Class<?>> matching = new ArrayList<>();
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      ClassLoader loader = type.getClassLoader();
      if (loader != null && loader != platform && !type.isArray() && !type.isHidden()
          && instrumentation.isModifiableClass(type)
          && filter.accepts(type.getName().replace('.', '/'))) {
        matching.add(type);
      }
    }
    for (Class<?> type : matching) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable e) {
        AgentReport.failure(type.getName(), e);
      }
    }
  }
}
