package dev.offlinedebug.internal.capture;

import dev.offlinedebug.Dump;
import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a {@link DumpCapture} locals made by the test, as the agent would record them: the frames of
 * a throwable, innermost first, with names, declared types and live values.
 */
final class LocalsFixture {
  private final Map<Throwable, List<RecordedFrame>> recorded = new IdentityHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();

  /** A local of the innermost frame. */
  LocalsFixture local(String name, String declaredType, Object value) {
    values.put(name, value);
    types.put(name, declaredType);
    return this;
  }

  LocalsFixture local(String name, Object value) {
    return local(name, value == null ? "java.lang.Object" : value.getClass().getName(), value);
  }

  /** Records frames for {@code thrown} as given. */
  LocalsFixture record(Throwable thrown, RecordedFrame... frames) {
    recorded.put(thrown, List.of(frames));
    return this;
  }

  DumpCapture capture(CaptureLimits limits) {
    return new DumpCapture(limits, "fixture", (t, trace) -> recorded.getOrDefault(t, List.of()), () -> true);
  }

  /** Captures a fresh throwable whose innermost frame holds the locals given so far. */
  Map<String, Value> capturedLocals(CaptureLimits limits) {
    Throwable thrown = new IllegalStateException("with locals");
    StackTraceElement top = thrown.getStackTrace()[0];
    record(thrown, new RecordedFrame(
        top.getClassName(), top.getMethodName(), top.getLineNumber(),
        values.keySet().toArray(String[]::new), types.values().toArray(String[]::new),
        values.values().toArray()));
    Dump dump = capture(limits).capture("od-test", thrown, LoggedEvent.standalone());
    Map<String, Value> locals = new LinkedHashMap<>();
    for (LocalVariable local : dump.exception().root().frames().get(0).locals()) {
      locals.put(local.name(), local.value());
    }
    return locals;
  }

  static CaptureLimits limits(int maxDepth, int maxStringLength, int maxElements, int maxBytes, String... redact) {
    return new CaptureLimits(maxDepth, maxStringLength, maxElements, maxBytes, List.of(redact));
  }
}
