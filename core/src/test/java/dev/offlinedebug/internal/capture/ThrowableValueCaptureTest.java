package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.Tripwires.ItemFailure;
import dev.offlinedebug.locals.RecordedFrame;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Locals and fields that hold a throwable: the dump's own throwables (the logged one, a cause, a
 * suppressed one) as pointers into its graph, any other throwable as the text of its header line.
 */
class ThrowableValueCaptureTest {
  private static final String CHARGE_FAILED = ChargeFailedException.class.getName();

  /** An application exception that keeps the last attempt's failure in a field too. */
  static final class ChargeFailedException extends Exception {
    private final Exception lastAttempt;

    ChargeFailedException(String message, Exception cause) {
      super(message, cause);
      this.lastAttempt = cause;
    }
  }

  /** The locals of the innermost frame of {@code thrown}'s dump, by name, as given in {@code locals}. */
  private static Dump captureWithLocals(Throwable thrown, Map<String, Object> locals, CaptureLimits limits) {
    StackTraceElement top = thrown.getStackTrace()[0];
    String[] types = new String[locals.size()];
    java.util.Arrays.fill(types, "java.lang.Object");
    LocalsFixture fixture = new LocalsFixture().record(thrown, new RecordedFrame(top.getClassName(),
        top.getMethodName(), top.getLineNumber(), locals.keySet().toArray(String[]::new), types,
        locals.values().toArray()));
    return fixture.capture(limits).capture("od-throwables", thrown, null);
  }

  private static Map<String, Value> topLocals(Dump dump) {
    Map<String, Value> byName = new LinkedHashMap<>();
    for (LocalVariable local : dump.exception().root().frames().get(0).locals()) {
      byName.put(local.name(), local.value());
    }
    return byName;
  }

  @Test
  void capture_retryLoopLocals_pointToTheGraphsThrowables() {
    IOException last = new IOException("connection reset");
    IOException earlier = new IOException("timeout");
    ChargeFailedException thrown = new ChargeFailedException("gave up after 3 attempts", last);
    IllegalStateException rollback = new IllegalStateException("rollback failed");
    thrown.addSuppressed(rollback);
    Map<String, Object> locals = new LinkedHashMap<>();
    locals.put("last", last);
    locals.put("self", thrown);
    locals.put("rollback", rollback);
    locals.put("earlier", earlier);
    locals.put("failures", new ArrayList<>(List.of(earlier, last)));

    Dump dump = captureWithLocals(thrown, locals, CaptureLimits.DEFAULTS);

    assertEquals(List.of(CHARGE_FAILED, "java.io.IOException", "java.lang.IllegalStateException"),
        dump.exception().throwables().stream().map(t -> t.type()).toList());
    Map<String, Value> values = topLocals(dump);
    ThrowableValue cause = new ThrowableValue("java.io.IOException", "java.io.IOException: connection reset", 1);
    assertEquals(cause, values.get("last"));
    assertEquals(new ThrowableValue(CHARGE_FAILED, CHARGE_FAILED + ": gave up after 3 attempts", 0), values.get("self"));
    assertEquals(new ThrowableValue("java.lang.IllegalStateException",
        "java.lang.IllegalStateException: rollback failed", 2), values.get("rollback"));
    TextValue outside = new TextValue("java.io.IOException", "java.io.IOException: timeout");
    assertEquals(outside, values.get("earlier"));
    assertEquals(List.of(outside, cause), ((ArrayValue) values.get("failures")).elements());
    assertEquals(cause, dump.exception().root().fields().get("lastAttempt"), "a field of the exception itself");
  }

  @Test
  void capture_applicationThrowableOutsideTheGraph_isItsHeaderLine() {
    Map<String, Object> locals = new LinkedHashMap<>();
    locals.put("plain", new ChargeFailedException("declined", null));
    locals.put("overriding", new ItemFailure("its getMessage is application code"));
    Tripwires.reset();

    Dump dump = captureWithLocals(new IllegalStateException("logged"), locals, CaptureLimits.DEFAULTS);

    Map<String, Value> values = topLocals(dump);
    assertEquals(new TextValue(CHARGE_FAILED, CHARGE_FAILED + ": declined"), values.get("plain"));
    assertEquals(new TextValue(ItemFailure.class.getName(), ItemFailure.class.getName()), values.get("overriding"),
        "a message only an overriding method gives is left out");
    assertTrue(Tripwires.CALLED.isEmpty(), Tripwires.CALLED.toString());
  }

  @Test
  void capture_longMessage_textCutToMaxStringLength() {
    IOException cause = new IOException("x".repeat(500));
    IllegalStateException thrown = new IllegalStateException("outer", cause);
    CaptureLimits limits = LocalsFixture.limits(5, 40, 10, 64 * 1024);

    Dump dump = captureWithLocals(thrown, Map.of("cause", cause, "other", new IOException("y".repeat(500))), limits);

    Map<String, Value> values = topLocals(dump);
    assertEquals(new ThrowableValue("java.io.IOException", ("java.io.IOException: " + "x".repeat(500)).substring(0, 40),
        1), values.get("cause"));
    assertEquals(40, ((TextValue) values.get("other")).text().length());
    assertEquals("x".repeat(500), dump.exception().get(1).message(), "the graph keeps what it kept before");
  }
}
