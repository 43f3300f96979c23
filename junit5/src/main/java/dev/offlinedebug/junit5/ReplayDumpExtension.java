package dev.offlinedebug.junit5;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/** Runs a {@link ReplayDump} test: replays the dump instead of the method body. */
final class ReplayDumpExtension implements InvocationInterceptor {
  static final String ID = "offlinedebug.replay.id";
  static final String CAUSE = "offlinedebug.replay.cause";

  /** The report entry that says whether the dump was replayed or only rethrown. */
  static final String REPORT_ENTRY_KEY = "offline-debug.replay";

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    invocation.skip();
    ReplayDump request =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ReplayDump.class)
            .orElseThrow(() -> new IllegalStateException("@ReplayDump not found on " + context.getUniqueId()));
    ParameterReader parameters = new ParameterReader(context::getConfigurationParameter, ConsoleStatus.INSTANCE);
    String id = request.id().isBlank() ? parameters.string(ID, "") : request.id();
    if (id.isBlank()) {
      throw new TestAbortedException(
          "no dump to replay: give @ReplayDump an id or set the configuration parameter " + ID);
    }
    Path directory =
        request.directory().isBlank()
            ? ExtensionConfiguration.of(context).directory()
            : Path.of(request.directory());
    replay(
        OfflineDebug.open(directory).load(id),
        parameters.nonNegativeInt(CAUSE, request.cause()),
        how -> context.publishReportEntry(REPORT_ENTRY_KEY, how));
  }

  /**
   * Throws the {@code cause}-th cause of {@code dump}'s rebuilt exception, replayed through
   * generated frames when replay works here, and tells {@code outcome} which happened: {@code
   * "replayed"} or {@code "rethrown: replay failed (<what it threw>)"}. Replay fails without ASM on
   * the class path, for example; the test must fail with the dump's exception all the same.
   */
  static void replay(Dump dump, int cause, Consumer<String> outcome) throws Throwable {
    if (dump.exception().nthCause(cause).isEmpty()) {
      throw new IllegalArgumentException(
          "dump " + dump.id() + " has no cause " + cause + ": its cause chain is shorter");
    }
    Throwable rebuilt = nthCause(dump.rebuild(), cause);
    try {
      OfflineDebug.replay(dump, cause);
    } catch (Throwable thrown) {
      if (thrown.getClass() == rebuilt.getClass()) {
        outcome.accept("replayed");
        throw thrown;
      }
      outcome.accept("rethrown: replay failed (" + thrown + ")");
      throw rebuilt;
    }
    throw new IllegalStateException("replay of dump " + dump.id() + " returned without throwing");
  }

  private static Throwable nthCause(Throwable rebuilt, int cause) {
    Throwable current = rebuilt;
    for (int i = 0; i < cause && current.getCause() != null; i++) {
      current = current.getCause();
    }
    return current;
  }
}
