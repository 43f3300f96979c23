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
  // One constant per frame, as each handler's invokedynamic is: a call site the JIT inlines.
  private static final MethodHandle SITE_0 = site(0);
  private static final MethodHandle SITE_1 = site(1);
  private static final MethodHandle SITE_2 = site(2);
  private static final MethodHandle SITE_3 = site(3);
  private static final MethodHandle SITE_4 = site(4);
  private static final MethodHandle SITE_5 = site(5);
  private static final MethodHandle SITE_6 = site(6);
  private static final MethodHandle SITE_7 = site(7);
  private static final MethodHandle SITE_8 = site(8);
  private static final MethodHandle SITE_9 = site(9);
  private static final MethodHandle SITE_10 = site(10);
  private static final MethodHandle SITE_11 = site(11);
  private static final MethodHandle SITE_12 = site(12);
  private static final MethodHandle SITE_13 = site(13);
  private static final MethodHandle SITE_14 = site(14);
  private static final MethodHandle SITE_15 = site(15);
  private static final MethodHandle SITE_16 = site(16);
  private static final MethodHandle SITE_17 = site(17);
  private static final MethodHandle SITE_18 = site(18);
  private static final MethodHandle SITE_19 = site(19);

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

  /**
   * The reference exception's messages and cause, thrown for real {@value #FRAMES} frames deep in
   * this class: the JVM fills in the frames, with the name of the class loader and the module
   * version where it prints them, as it does for an application's failures, and whoever asks first
   * for the stack trace (the dump, or the baseline's {@code printStackTrace}) pays for turning them
   * into stack trace elements.
   */
  static Throwable thrownThroughFrames() {
    return thrownAt(FRAMES);
  }

  private static Throwable thrownAt(int depth) {
    if (depth > 0) {
      return thrownAt(depth - 1);
    }
    try {
      throw new java.io.IOException("connection reset by peer: payments.internal:8443");
    } catch (java.io.IOException e) {
      return new IllegalStateException("payment for order 7731 failed after 3 attempts", e);
    }
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
      // Interned, as the JVM's are: every frame of one class names it with the same String object.
      frames[i] = new StackTraceElement(("com.acme.shop." + layer).intern(),
          (METHODS[depth % METHODS.length] + depth / LAYERS.length).intern(),
          (layer.substring(layer.indexOf('.') + 1) + ".java").intern(), 40 + depth * 17);
    }
    return frames;
  }

  /** The cause's own top frames, the client's socket code, above the frames it shares. */
  private static StackTraceElement[] withTransportFrames(StackTraceElement[] shared) {
    int top = FRAMES - SHARED;
    StackTraceElement[] frames = new StackTraceElement[top + shared.length];
    for (int i = 0; i < top; i++) {
      frames[i] = new StackTraceElement("com.acme.shop.client.HttpTransport", ("read" + i).intern(), "HttpTransport.java",
          200 + i);
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
      SITE_0.invokeExact(thrown, 7731L, ORDER, LINES);
      SITE_1.invokeExact(thrown, CUSTOMERS[1], 1);
      SITE_2.invokeExact(thrown, 7733L, ORDER, LINES);
      SITE_3.invokeExact(thrown, CUSTOMERS[3], 3);
      SITE_4.invokeExact(thrown, 7735L, ORDER, LINES);
      SITE_5.invokeExact(thrown, CUSTOMERS[5], 1);
      SITE_6.invokeExact(thrown, 7737L, ORDER, LINES);
      SITE_7.invokeExact(thrown, CUSTOMERS[7], 3);
      SITE_8.invokeExact(thrown, 7739L, ORDER, LINES);
      SITE_9.invokeExact(thrown, CUSTOMERS[9], 1);
      SITE_10.invokeExact(thrown, 7741L, ORDER, LINES);
      SITE_11.invokeExact(thrown, CUSTOMERS[11], 3);
      SITE_12.invokeExact(thrown, 7743L, ORDER, LINES);
      SITE_13.invokeExact(thrown, CUSTOMERS[13], 1);
      SITE_14.invokeExact(thrown, 7745L, ORDER, LINES);
      SITE_15.invokeExact(thrown, CUSTOMERS[15], 3);
      SITE_16.invokeExact(thrown, 7747L, ORDER, LINES);
      SITE_17.invokeExact(thrown, CUSTOMERS[17], 1);
      SITE_18.invokeExact(thrown, 7749L, ORDER, LINES);
      SITE_19.invokeExact(thrown, CUSTOMERS[19], 3);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle site(int frame) {
    UnwindRecorder.activate(64, Integer.MAX_VALUE);
    StackTraceElement f = OUTER_FRAMES[frame];
    boolean even = frame % 2 == 0;
    MethodType type = even
        ? MethodType.methodType(void.class, Throwable.class, long.class, Order.class, List.class)
        : MethodType.methodType(void.class, Throwable.class, String.class, int.class);
    return RecordingSite.bootstrap(MethodHandles.lookup(), "record", type, f.getClassName(), f.getMethodName(),
        even ? new String[] {"orderId", "J", "order", Order.class.descriptorString(), "lines", "Ljava/util/List;"}
            : new String[] {"customer", "Ljava/lang/String;", "attempt", "I"}).dynamicInvoker();
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
