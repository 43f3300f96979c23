package dev.offlinedebug.junit5;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Writes one test failure as a dump, adds it to the {@linkplain FailureReport HTML report} beside
 * the dumps and publishes its ID as a report entry.
 */
final class FailureRecorder {
  private static final String UNIQUE_ID = "test.uniqueId";
  static final String DISPLAY_NAME = "test.displayName";
  static final String TEST_CLASS = "test.class";
  private static final String TEST_METHOD = "test.method";
  private static final String PHASE = "test.phase";

  private FailureRecorder() {}

  /**
   * Dumps {@code thrown} unless the extension is disabled, the test was aborted (an assumption
   * failed: not a failure), or the test replays a dump (its failure is the dump).
   *
   * @return {@code thrown}, for the caller to rethrow unchanged whatever happened here
   */
  static Throwable recorded(ExtensionContext context, Throwable thrown, FailurePhase phase) {
    try {
      if (thrown instanceof TestAbortedException || replaysDump(context)) {
        return thrown;
      }
      ExtensionConfiguration configuration = ExtensionConfiguration.of(context);
      if (!configuration.enabled()) {
        return thrown;
      }
      Path directory = configuration.directory();
      String id = StoredWriter.of(context, configuration.writerSettings())
          .write(thrown, event(context, phase), dump -> report(directory, dump));
      if (id != null) {
        context.publishReportEntry(OfflineDebugExtension.REPORT_ENTRY_KEY, id);
        // Surefire (up to 3.6 at least) drops report entries; it keeps a test's standard output
        // in its XML report and console, next to the failure.
        System.out.println(
            "offline-debug: " + phase.description + " failed: " + context.getDisplayName() + "; dump "
                + id + " in " + configuration.directory());
      }
    } catch (RuntimeException | LinkageError e) {
      ConsoleStatus.INSTANCE.report(
          "cannot dump the failure of " + context.getUniqueId() + "; the test result is unchanged", e);
    }
    return thrown;
  }

  private static void report(Path directory, Dump dump) {
    try {
      FailureReport.add(directory, dump);
    } catch (IOException e) {
      ConsoleStatus.INSTANCE.report("cannot add dump " + dump.id() + " to the report in " + directory, e);
    }
  }

  private static boolean replaysDump(ExtensionContext context) {
    return context.getTestMethod()
        .map(method -> AnnotationSupport.isAnnotated(method, ReplayDump.class))
        .orElse(false);
  }

  private static LoggedEvent event(ExtensionContext context, FailurePhase phase) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(UNIQUE_ID, context.getUniqueId());
    attributes.put(DISPLAY_NAME, context.getDisplayName());
    context.getTestClass().ifPresent(type -> attributes.put(TEST_CLASS, type.getName()));
    context.getTestMethod().map(Method::getName).ifPresent(name -> attributes.put(TEST_METHOD, name));
    attributes.put(PHASE, phase.attribute);
    return new LoggedEvent(
        Instant.now(),
        context.getTestClass().map(Class::getName).orElse(null),
        "ERROR",
        phase.description + " failed: " + context.getDisplayName(),
        ThreadInfo.current(),
        Map.of(),
        List.of(),
        attributes);
  }
}
