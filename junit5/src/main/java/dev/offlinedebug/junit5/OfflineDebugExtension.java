package dev.offlinedebug.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Writes a dump for every failing test: the failure with the local variables of the frames it
 * unwound through (when the offline-debug agent is on the test JVM), and the test's unique ID and
 * display name as attributes {@code test.uniqueId} and {@code test.displayName}. The dump ID is
 * published as report entry {@value #REPORT_ENTRY_KEY}, which IDEs show next to the failure, and
 * printed on standard output, which Surefire keeps in its reports (it drops report entries).
 *
 * <p>Register it on a test class, or for every test class through JUnit's extension
 * auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}):
 *
 * <pre>{@code
 * @ExtendWith(OfflineDebugExtension.class)
 * class OrderServiceTest { ... }
 * }</pre>
 *
 * <p>Failures of test methods and of {@code @BeforeAll}, {@code @BeforeEach}, {@code @AfterEach}
 * and {@code @AfterAll} methods are dumped, each once; aborted tests (failed assumptions) are not.
 * The extension sees each failure in an exception handler, on the thread that threw it and before
 * any other callback ran, which is where the agent's recorded locals are complete; it then
 * rethrows the very same throwable, so test results are unchanged. (A {@code TestWatcher} would
 * see failures later, and never those of class-level lifecycle methods.) An exception handler
 * registered before this one that swallows a failure hides it from this extension, as it hides it
 * from JUnit.
 *
 * <p>Configured with JUnit configuration parameters ({@code junit-platform.properties} or {@code
 * -D}): {@code offlinedebug.enabled} (default {@code true}), {@code offlinedebug.directory}
 * (default {@code target/offline-debug}), and the appenders' other writer options with their
 * syntax, prefixed with {@code offlinedebug.}: {@code maxFileSize}, {@code maxTotalSize}, {@code
 * maxAge}, {@code maxDepth}, {@code maxStringLength}, {@code maxCollectionElements}, {@code
 * maxDumpBytes}, {@code redact}, {@code dedupWindow} (default {@code 0}: every failure gets its own
 * dump), {@code maxDumpsPerSecond} (default {@code 100}) and {@code upload} ({@code
 * s3://bucket[/prefix]}, with {@code offline-debug-s3} on the test class path: the run's dumps are
 * shipped there too, and all of them by the end of the run). Dumps are written through one store
 * writer per directory and engine run, opened at the first failure and closed when the run ends.
 *
 * @see ReplayDump
 * @since 0.1
 */
public final class OfflineDebugExtension
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  /** The key of the report entry that carries a failing test's dump ID. */
  public static final String REPORT_ENTRY_KEY = "offline-debug.dumpId";

  /** Called by JUnit. */
  public OfflineDebugExtension() {}

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw FailureRecorder.recorded(context, thrown, FailurePhase.TEST);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw FailureRecorder.recorded(context, thrown, FailurePhase.BEFORE_ALL);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw FailureRecorder.recorded(context, thrown, FailurePhase.BEFORE_EACH);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw FailureRecorder.recorded(context, thrown, FailurePhase.AFTER_EACH);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw FailureRecorder.recorded(context, thrown, FailurePhase.AFTER_ALL);
  }
}
