package dev.offlinedebug.benchmarks;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference exception of the store benchmarks, with locals (the appender benchmarks'
 * {@link ReferenceFailure} has none and a shorter cause): an {@code IllegalStateException} with 20
 * application frames, caused by an {@code java.io.IOException} with 20 frames of which 12 are
 * shared with it (the usual wrap-and-rethrow), and 50 locals spread over the outer frames.
 *
 * <p>Capture only takes locals from the agent's records, which a benchmark cannot hand-make through
 * the public API; so the locals are added to the captured dump from the model, as the agent and
 * capture would produce them.
 */
final class ReferenceDump {
  static final int FRAMES = 20;
  static final int LOCALS = 50;
  private static final int SHARED = 12;

  private static final String[] LAYERS = {"web.OrderController", "service.OrderService", "service.PaymentService",
      "repository.OrderRepository", "client.PaymentGatewayClient"};
  private static final String[] METHODS = {"handle", "process", "charge", "save", "send"};

  private ReferenceDump() {}

  /** A new throwable each call, as each logged failure in production is a new object. */
  static Throwable newThrowable() {
    Throwable cause = new java.io.IOException("connection reset by peer: payments.internal:8443");
    cause.setStackTrace(withTransportFrames(outerFrames(SHARED)));
    Throwable thrown = new IllegalStateException("payment for order 7731 failed after 3 attempts", cause);
    thrown.setStackTrace(outerFrames(FRAMES));
    return thrown;
  }

  /** The outermost {@code count} of the logged throwable's 20 frames. */
  private static StackTraceElement[] outerFrames(int count) {
    StackTraceElement[] frames = new StackTraceElement[count];
    for (int i = 0; i < count; i++) {
      int depth = FRAMES - count + i;
      String layer = LAYERS[depth % LAYERS.length];
      frames[i] = new StackTraceElement("com.acme.shop." + layer, METHODS[depth % METHODS.length] + depth / LAYERS.length,
          layer.substring(layer.indexOf('.') + 1) + ".java", 40 + depth * 17);
    }
    return frames;
  }

  /** The cause's own top frames, the client's socket code, above the frames it shares. */
  private static StackTraceElement[] withTransportFrames(StackTraceElement[] shared) {
    int top = FRAMES - SHARED;
    StackTraceElement[] frames = new StackTraceElement[top + shared.length];
    for (int i = 0; i < top; i++) {
      frames[i] = new StackTraceElement("com.acme.shop.client.HttpTransport", "read" + i, "HttpTransport.java", 200 + i);
    }
    System.arraycopy(shared, 0, frames, top, shared.length);
    return frames;
  }

  /** {@code captured} with {@link #LOCALS} locals spread over the logged throwable's frames. */
  static Dump withLocals(Dump captured) {
    List<ThrowableInfo> throwables = new ArrayList<>(captured.exception().throwables());
    ThrowableInfo root = throwables.get(0);
    List<FrameInfo> frames = new ArrayList<>();
    int next = 0;
    for (int f = 0; f < root.frames().size(); f++) {
      List<LocalVariable> locals = new ArrayList<>();
      int count = LOCALS * (f + 1) / root.frames().size() - LOCALS * f / root.frames().size();
      for (int i = 0; i < count; i++, next++) {
        locals.add(local(next));
      }
      frames.add(root.frames().get(f).withLocals(locals));
    }
    throwables.set(0, new ThrowableInfo(root.type(), root.message(), root.description(), frames, root.cause(),
        root.suppressed(), root.fields()));
    return new Dump(captured.id(), captured.time(), captured.host(), captured.pid(), captured.jvm(),
        captured.application(), captured.thread(), captured.logger(), captured.level(), captured.message(),
        captured.mdc(), captured.markers(), captured.attributes(), true, new ThrowableGraph(throwables));
  }

  /** A mix of what locals hold: ids, counters, flags, strings, amounts, a small order object, a list. */
  private static LocalVariable local(int n) {
    return switch (n % 7) {
      case 0 -> new LocalVariable("orderId", "long", new PrimitiveValue("long", 7731L + n));
      case 1 -> new LocalVariable("attempt", "int", new PrimitiveValue("int", n % 4));
      case 2 -> new LocalVariable("retry", "boolean", new PrimitiveValue("boolean", n % 2 == 0));
      case 3 -> new LocalVariable("customer", "java.lang.String", StringValue.of("customer-" + (1000 + n)));
      case 4 -> new LocalVariable("amount", "java.math.BigDecimal", new TextValue("java.math.BigDecimal", "129.9" + n % 10));
      case 5 -> new LocalVariable("order", "com.acme.shop.model.Order", order(n));
      default -> new LocalVariable("lines", "java.util.List",
          new ArrayValue(n, "java.util.ArrayList", List.of(StringValue.of("sku-1"), StringValue.of("sku-2")), 2));
    };
  }

  private static Value order(int n) {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", new PrimitiveValue("long", 7731L));
    fields.put("status", new TextValue("com.acme.shop.model.Status", "PAYMENT_PENDING"));
    fields.put("total", new TextValue("java.math.BigDecimal", "259.80"));
    return new ObjectValue(1000 + n, "com.acme.shop.model.Order", fields);
  }
}
