package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made dumps for renderer tests, built from the model alone. */
final class SampleDumps {
  static final String HOSTILE = com.acme.shop.Failures.HOSTILE;

  private SampleDumps() {}

  static FrameInfo frame(String className, String method, int line, LocalVariable... locals) {
    FrameInfo frame = new FrameInfo(className, method, simpleName(className) + ".java", line, null, null, "app",
        false, List.of());
    return locals.length == 0 ? frame : frame.withLocals(List.of(locals));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  static LocalVariable local(String name, String type, Value value) {
    return new LocalVariable(name, type, value);
  }

  static ObjectValue customer() {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", StringValue.of("C-1042"));
    fields.put("password", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String"));
    fields.put("address", new OmittedValue(OmittedValue.Reason.TRUNCATED, null));
    fields.put("handle", new OmittedValue(OmittedValue.Reason.UNAVAILABLE, "java.lang.Thread"));
    return new ObjectValue(2, "com.acme.Customer", fields);
  }

  static ObjectValue order() {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", new PrimitiveValue("long", 1042L));
    fields.put("customer", customer());
    fields.put("quantities", new ArrayValue(3, "int[]",
        List.of(new PrimitiveValue("int", 2), new PrimitiveValue("int", 1)), 2));
    fields.put("lines", new ArrayValue(4, "java.util.ArrayList", List.of(
        new ObjectValue(5, "com.acme.OrderLine", Map.of("sku", StringValue.of("SKU-CHAIR"))),
        new RefValue(2)), 40));
    fields.put("tags", new MapValue(6, "java.util.HashMap",
        List.of(new MapValue.Entry(StringValue.of("rush"), new PrimitiveValue("boolean", true))), 1));
    fields.put("note", new StringValue("x".repeat(10), 5000));
    fields.put("status", new TextValue("com.acme.Status", "DECLINED"));
    fields.put("refund", NullValue.INSTANCE);
    return new ObjectValue(1, "com.acme.Order", fields);
  }

  /** A checkout failure wrapping a payment failure, with one suppressed close failure. */
  static Dump checkoutFailure() {
    FrameInfo main = frame("com.acme.Main", "main", 10);
    FrameInfo checkout = frame("com.acme.Checkout", "checkout", 21,
        local("order", "com.acme.Order", order()),
        local("total", "java.math.BigDecimal", new TextValue("java.math.BigDecimal", "337.90")),
        local("letter", "char", new PrimitiveValue("char", 'x')),
        local("comment", "java.lang.String", StringValue.of(HOSTILE)));
    FrameInfo charge = frame("com.acme.Gateway", "charge", 33,
        local("apiToken", "java.lang.String", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String")));
    ThrowableInfo wrapper = new ThrowableInfo("com.acme.CheckoutException", "order 1042 failed",
        "com.acme.CheckoutException: order 1042 failed", List.of(checkout, main), 1, List.of(2), Map.of());
    ThrowableInfo cause = new ThrowableInfo("com.acme.DeclinedException", "insufficient funds",
        "com.acme.DeclinedException: insufficient funds", List.of(charge, checkout.withLocals(List.of()), main),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of("code", StringValue.of("51")));
    ThrowableInfo suppressed = new ThrowableInfo("java.io.IOException", "close failed",
        "java.io.IOException: close failed", List.of(frame("com.acme.Conn", "close", 5), main),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    return new Dump("od-test-1", Instant.parse("2026-11-26T05:16:12.123456Z"), "web-1", 4242,
        "Eclipse Adoptium 17.0.15", "shop", new ThreadInfo("worker-1", 17, false, 5),
        "com.acme.Checkout", "ERROR", "Checkout failed for order 1042", Map.of("user", "ada"), List.of(),
        Map.of(), true, new ThrowableGraph(List.of(wrapper, cause, suppressed)));
  }

  /** A dump whose every string field carries terminal control sequences. */
  static Dump hostile() {
    ThrowableInfo thrown = new ThrowableInfo("com.acme.Bad" + HOSTILE, HOSTILE, "com.acme.Bad: " + HOSTILE,
        List.of(frame("com.acme.Bad", "run" + HOSTILE, 1, local("v" + HOSTILE, "java.lang.String",
            StringValue.of(HOSTILE)))),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    return new Dump("od-" + HOSTILE, Instant.parse("2026-11-26T05:16:12Z"), "host" + HOSTILE, 1, "jvm" + HOSTILE,
        null, new ThreadInfo("t" + HOSTILE, 1, false, 5), "logger" + HOSTILE, "ERROR", HOSTILE,
        Map.of("k" + HOSTILE, HOSTILE), List.of("m" + HOSTILE), Map.of("a" + HOSTILE, HOSTILE), true,
        new ThrowableGraph(List.of(thrown)));
  }
}
