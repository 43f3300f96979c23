package dev.offlinedebug.benchmarks;

import dev.offlinedebug.locals.RecordingSite;
import dev.offlinedebug.locals.UnwindRecorder;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.util.List;

/**
 * The reference exception of the store benchmarks, with locals (the appender benchmarks'
 * {@link ReferenceFailure} has none and a shorter cause): an {@code IllegalStateException} with 20
 * application frames, caused by an {@code java.io.IOException} with 20 frames of which 12 are
 * shared with it (the usual wrap-and-rethrow), and 50 locals over the outer frames, recorded as the
 * agent's handlers record them (the same call sites, without instrumenting a class).
 */
final class ReferenceDump {
  static final int FRAMES = 20;
  static final int LOCALS = 50;
  private static final int SHARED = 12;

  private static final String[] LAYERS = {"web.OrderController", "service.OrderService", "service.PaymentService",
      "repository.OrderRepository", "client.PaymentGatewayClient"};
  private static final String[] METHODS = {"handle", "process", "charge", "save", "send"};
  // After LAYERS and METHODS: the frames and call sites are named after them.
  private static final StackTraceElement[] OUTER_FRAMES = outerFrames(FRAMES);
  private static final StackTraceElement[] CAUSE_FRAMES = withTransportFrames(outerFrames(SHARED));
  private static final Order ORDER = new Order(7731L, Status.PAYMENT_PENDING, new BigDecimal("259.80"));
  private static final List<String> LINES = List.of("sku-1", "sku-2");
  private static final String[] CUSTOMERS = customers();
  private static final MethodHandle[] SITES = sites();

  private ReferenceDump() {}

  /**
   * A new throwable each call, as each logged failure in production is a new object, with new stack
   * trace elements whose names are the same strings each time, as the JVM's are (class and method
   * names come from the class, so their hash codes are computed once).
   */
  static Throwable newThrowable() {
    Throwable cause = new java.io.IOException("connection reset by peer: payments.internal:8443");
    cause.setStackTrace(copy(CAUSE_FRAMES));
    Throwable thrown = new IllegalStateException("payment for order 7731 failed after 3 attempts", cause);
    thrown.setStackTrace(copy(OUTER_FRAMES));
    return thrown;
  }

  private static StackTraceElement[] copy(StackTraceElement[] frames) {
    StackTraceElement[] copy = new StackTraceElement[frames.length];
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement f = frames[i];
      copy[i] = new StackTraceElement(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber());
    }
    return copy;
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

  /**
   * Records {@link #LOCALS} locals for the 20 frames of {@code thrown}, innermost first, as the
   * agent's handlers do while it unwinds: through {@link RecordingSite}'s call sites, one per
   * frame, alternately {@code (long orderId, Order order, List lines)} and {@code (String customer,
   * int attempt)}.
   */
  static void recordLocals(Throwable thrown) {
    try {
      for (int i = 0; i < FRAMES; i += 2) {
        SITES[i].invokeExact(thrown, 7731L + i, ORDER, LINES);
        SITES[i + 1].invokeExact(thrown, CUSTOMERS[i + 1], i % 4);
      }
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle[] sites() {
    UnwindRecorder.activate(64, Integer.MAX_VALUE);
    MethodType wide = MethodType.methodType(void.class, Throwable.class, long.class, Order.class, List.class);
    MethodType narrow = MethodType.methodType(void.class, Throwable.class, String.class, int.class);
    StackTraceElement[] frames = outerFrames(FRAMES);
    MethodHandle[] sites = new MethodHandle[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      boolean even = i % 2 == 0;
      sites[i] = RecordingSite.bootstrap(MethodHandles.lookup(), "record", even ? wide : narrow,
          frames[i].getClassName(), frames[i].getMethodName(), even ? "orderId,order,lines" : "customer,attempt",
          even ? "long," + Order.class.getName() + ",java.util.List" : "java.lang.String,int").dynamicInvoker();
    }
    return sites;
  }

  private static String[] customers() {
    String[] customers = new String[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      customers[i] = "customer-" + (1000 + i);
    }
    return customers;
  }

  /** What an order service's locals hold: an entity with an enum and an amount. */
  static final class Order {
    final long id;
    final Status status;
    final BigDecimal total;

    Order(long id, Status status, BigDecimal total) {
      this.id = id;
      this.status = status;
      this.total = total;
    }
  }

  enum Status { PAYMENT_PENDING }
}
