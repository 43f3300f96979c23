package dev.offlinedebug.junit5;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/** Runs a {@link ReplayDump} test: replays the dump instead of the method body. */
final class ReplayDumpExtension implements InvocationInterceptor {
  static final String ID = "offlinedebug.replay.id";
  static final String CAUSE = "offlinedebug.replay.cause";

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
    replay(OfflineDebug.open(directory).load(id), parameters.nonNegativeInt(CAUSE, request.cause()));
  }

  /**
   * Throws the {@code cause}-th cause of {@code dump}'s rebuilt exception, replayed through
   * generated frames when replay is available.
   */
  static void replay(Dump dump, int cause) throws Throwable {
    String thrownType =
        dump.exception()
            .nthCause(cause)
            .orElseThrow(
                () -> new IllegalArgumentException(
                    "dump " + dump.id() + " has no cause " + cause + ": its cause chain is shorter"))
            .type();
    try {
      OfflineDebug.replay(dump, cause);
    } catch (UnsupportedOperationException | LinkageError unavailable) {
      // Replay itself is missing (no ASM on the class path, or a core without replay) unless this
      // is the dumped exception coming back replayed.
      if (unavailable.getClass().getName().equals(thrownType)) {
        throw unavailable;
      }
      ConsoleStatus.INSTANCE.report(
          "replay is unavailable, rethrowing dump " + dump.id() + " without its frames", unavailable);
      throw nthCause(dump.rebuild(), cause);
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
