package dev.offlinedebug.testing;

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
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Dumps built by hand from the model, shared by every module's tests (core's test jar), so codec,
 * store, renderer and replay tests do not depend on capture:
 *
 * <ul>
 *   <li>{@link #everyValueKind()} and {@link #of(String, Throwable, List)}: any throwable, every value kind;
 *   <li>{@link #checkoutFailure()} and {@link #hostile()}: a shop checkout with redacted, truncated and
 *       shared values, and a dump whose every string carries terminal control sequences;
 *   <li>{@link #retryLoop()}: the checkout whose frame holds throwables of its graph, and others;
 *   <li>{@link #orderDump()} and {@link #edgeDump()}: an order service's failure (a JDK cause under
 *       recursive, overloaded frames, a suppressed exception, cycles) and the frame shapes replay must
 *       handle (constructors, static initialisers, frames without source).
 * </ul>
 */
public final class SampleDumps {
  /** Terminal control sequences and markup, as every string field of {@link #hostile()} carries them. */
  public static final String HOSTILE = com.acme.shop.Failures.HOSTILE;
  static final String SERVICE = "com.acme.shop.OrderService";

  private SampleDumps() {}

  /** One value of every kind, every primitive box included. */
  public static List<Value> everyValueKind() {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("count", new PrimitiveValue("int", 3));
    fields.put("self", new RefValue(1));
    fields.put("secret", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String"));
    return List.of(
        NullValue.INSTANCE,
        new PrimitiveValue("boolean", true),
        new PrimitiveValue("byte", (byte) -7),
        new PrimitiveValue("short", (short) 31000),
        new PrimitiveValue("char", '\u00e9'),
        new PrimitiveValue("int", Integer.MIN_VALUE),
        new PrimitiveValue("java.lang.Long", Long.MAX_VALUE),
        new PrimitiveValue("float", -0.0f),
        new PrimitiveValue("float", Float.NaN),
        new PrimitiveValue("double", Double.NEGATIVE_INFINITY),
        new PrimitiveValue("java.lang.Double", 3.141592653589793),
        StringValue.of("plain"),
        new StringValue("cut", 5000),
        new TextValue("java.math.BigDecimal", "12.50"),
        new ObjectValue(1, "com.acme.Order", fields),
        new ArrayValue(2, "int[]", List.of(new PrimitiveValue("int", 1), new PrimitiveValue("int", 2)), 10),
        new MapValue(3, "java.util.HashMap",
            List.of(new MapValue.Entry(StringValue.of("k"), new RefValue(2))), 1),
        new RefValue(3),
        new OmittedValue(OmittedValue.Reason.TRUNCATED, null),
        new OmittedValue(OmittedValue.Reason.UNAVAILABLE, "java.lang.Thread"));
  }

  /** A dump of {@code thrown} with every frame carrying {@code locals}, built without capture. */
  public static Dump of(String id, Throwable thrown, List<LocalVariable> locals) {
    List<ThrowableInfo> infos = new ArrayList<>();
    Map<Throwable, Integer> indexes = new IdentityHashMap<>();
    List<Throwable> order = new ArrayList<>();
    order.add(thrown);
    indexes.put(thrown, 0);
    for (int i = 0; i < order.size(); i++) {
      Throwable t = order.get(i);
      for (Throwable next : related(t)) {
        if (!indexes.containsKey(next)) {
          indexes.put(next, order.size());
          order.add(next);
        }
      }
    }
    for (Throwable t : order) {
      List<FrameInfo> frames = new ArrayList<>();
      for (StackTraceElement e : t.getStackTrace()) {
        frames.add(locals.isEmpty() ? FrameInfo.of(e) : FrameInfo.of(e).withLocals(locals));
      }
      List<Integer> suppressed = new ArrayList<>();
      for (Throwable s : t.getSuppressed()) {
        suppressed.add(indexes.get(s));
      }
      int cause = t.getCause() == null ? ThrowableInfo.NO_CAUSE : indexes.get(t.getCause());
      infos.add(new ThrowableInfo(t.getClass().getName(), t.getMessage(), t.toString(), frames, cause,
          suppressed, Map.of()));
    }
    return new Dump(id, Instant.ofEpochSecond(1_700_000_000L, 123_456_789), "host-\u00e9", 4242,
        "Test JVM 17", "app", new ThreadInfo("main \u65e5\u672c", 1, false, 5), "com.acme.Logger",
        "ERROR", "failed \ud83d\ude00", Map.of("user", "u1", "tx", "\u00fc"), List.of("AUDIT"),
        Map.of("test", "x"), !locals.isEmpty(), new ThrowableGraph(infos));
  }

  /** A dump of {@code thrown} without locals. */
  public static Dump of(String id, Throwable thrown) {
    return of(id, thrown, List.of());
  }

  private static List<Throwable> related(Throwable t) {
    List<Throwable> related = new ArrayList<>();
    if (t.getCause() != null) {
      related.add(t.getCause());
    }
    related.addAll(List.of(t.getSuppressed()));
    return related;
  }

  public static FrameInfo frame(String className, String method, int line, LocalVariable... locals) {
    FrameInfo frame = new FrameInfo(className, method, simpleName(className) + ".java", line, null, null, "app",
        false, List.of());
    return locals.length == 0 ? frame : frame.withLocals(List.of(locals));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  public static LocalVariable local(String name, String type, Value value) {
    return new LocalVariable(name, type, value);
  }

  private static ObjectValue customer() {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", StringValue.of("C-1042"));
    fields.put("password", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String"));
    fields.put("address", new OmittedValue(OmittedValue.Reason.TRUNCATED, null));
    fields.put("handle", new OmittedValue(OmittedValue.Reason.UNAVAILABLE, "java.lang.Thread"));
    return new ObjectValue(2, "com.acme.Customer", fields);
  }

  private static ObjectValue order() {
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
  public static Dump checkoutFailure() {
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

  /**
   * {@link #checkoutFailure()} where the checkout frame also holds throwables as a retry loop does:
   * {@code last} the cause, {@code e} the logged throwable, {@code closing} the suppressed one,
   * {@code earlier} one outside the graph (text), and {@code stray} an index the graph does not have,
   * as only a damaged dump holds.
   */
  public static Dump retryLoop() {
    Dump base = checkoutFailure();
    List<ThrowableInfo> throwables = new ArrayList<>(base.exception().throwables());
    ThrowableInfo root = throwables.get(0);
    List<FrameInfo> frames = new ArrayList<>(root.frames());
    frames.set(0, frames.get(0).withLocals(List.of(
        local("last", "java.lang.Exception", new ThrowableValue("com.acme.DeclinedException",
            "com.acme.DeclinedException: insufficient funds", 1)),
        local("e", "java.lang.Exception", new ThrowableValue("com.acme.CheckoutException",
            "com.acme.CheckoutException: order 1042 failed", 0)),
        local("closing", "java.lang.Throwable", new ThrowableValue("java.io.IOException",
            "java.io.IOException: close failed", 2)),
        local("earlier", "java.lang.Exception", new TextValue("java.io.IOException", "java.io.IOException: timeout")),
        local("stray", "java.lang.Exception", new ThrowableValue("java.io.IOException", "java.io.IOException: gone",
            99)))));
    throwables.set(0, new ThrowableInfo(root.type(), root.message(), root.description(), frames, root.cause(),
        root.suppressed(), root.fields()));
    return new Dump("od-retry-1", base.time(), base.host(), base.pid(), base.jvm(), base.application(),
        base.thread(), base.logger(), base.level(), base.message(), base.mdc(), base.markers(), base.attributes(),
        true, new ThrowableGraph(throwables));
  }

  /**
   * A small record that would render as gigabytes: 20,000 throwables, each the cause of the one
   * before and suppressed by the first, all sharing one frame with a 1,000-character local, which
   * printStackTrace-style elision of common frames never hides.
   */
  public static Dump sharedFramesWithLocals() {
    FrameInfo heavy = frame("com.acme.Heavy", "run", 1,
        local("blob", "java.lang.String", StringValue.of("x".repeat(1000))));
    int count = 20_000;
    List<ThrowableInfo> chain = new ArrayList<>();
    chain.add(new ThrowableInfo("E", null, "E", List.of(heavy), ThrowableInfo.NO_CAUSE,
        IntStream.range(1, count).boxed().toList(), Map.of()));
    for (int i = 1; i < count; i++) {
      chain.add(new ThrowableInfo("E", null, "E", List.of(heavy), i + 1 < count ? i + 1 : ThrowableInfo.NO_CAUSE,
          List.of(), Map.of()));
    }
    Dump base = checkoutFailure();
    return new Dump(base.id(), base.time(), base.host(), base.pid(), base.jvm(), null, base.thread(), null,
        null, null, Map.of(), List.of(), Map.of(), true, new ThrowableGraph(chain));
  }

  /** A dump whose every string field carries terminal control sequences. */
  public static Dump hostile() {
    ThrowableInfo thrown = new ThrowableInfo("com.acme.Bad" + HOSTILE, HOSTILE, "com.acme.Bad: " + HOSTILE,
        List.of(frame("com.acme.Bad", "run" + HOSTILE, 1, local("v" + HOSTILE, "java.lang.String",
            StringValue.of(HOSTILE)))),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    return new Dump("od-" + HOSTILE, Instant.parse("2026-11-26T05:16:12Z"), "host" + HOSTILE, 1, "jvm" + HOSTILE,
        null, new ThreadInfo("t" + HOSTILE, 1, false, 5), "logger" + HOSTILE, "ERROR", HOSTILE,
        Map.of("k" + HOSTILE, HOSTILE), List.of("m" + HOSTILE), Map.of("a" + HOSTILE, HOSTILE), true,
        new ThrowableGraph(List.of(thrown)));
  }

  /** The original throwable the order dump was captured from. */
  public static Throwable orderOriginal() {
    NumberFormatException cause = new NumberFormatException("For input string: \"12x\"");
    cause.setStackTrace(new StackTraceElement[] {
        jdk("java.lang.NumberFormatException", "forInputString", "NumberFormatException.java", 67),
        jdk("java.lang.Integer", "parseInt", "Integer.java", 668),
        app("com.acme.shop.Validator", "check", "Validator.java", 88),
        app(SERVICE, "validate", "OrderService.java", 61),
        app(SERVICE, "validate", "OrderService.java", 63),
        app(SERVICE, "validate", "OrderService.java", 55),
        app(SERVICE, "process", "OrderService.java", 42),
        app("com.acme.shop.Main", "main", "Main.java", 12)});
    IllegalStateException logged = new IllegalStateException("order 7 failed", cause);
    logged.setStackTrace(new StackTraceElement[] {
        app(SERVICE, "process", "OrderService.java", 47),
        app("com.acme.shop.Main", "main", "Main.java", 12)});
    IllegalArgumentException suppressed = new IllegalArgumentException("rollback failed");
    suppressed.setStackTrace(new StackTraceElement[] {app(SERVICE, "rollback", "OrderService.java", 90)});
    logged.addSuppressed(suppressed);
    return logged;
  }

  private static StackTraceElement app(String type, String method, String file, int line) {
    return new StackTraceElement("app", null, null, type, method, file, line);
  }

  private static StackTraceElement jdk(String type, String method, String file, int line) {
    return new StackTraceElement(null, "java.base", "17", type, method, file, line);
  }

  /** The dump of {@link #orderOriginal()}, with locals in the frames of the order service. */
  public static Dump orderDump() {
    Throwable logged = orderOriginal();
    Throwable cause = logged.getCause();
    Throwable suppressed = logged.getSuppressed()[0];
    Value service = shopService();
    Value order = shopOrder();
    List<FrameInfo> causeFrames = frames(cause, List.of(
        List.of(),
        List.of(),
        List.of(
            local("text", "java.lang.String", StringValue.of("12x")),
            local("password", "java.lang.String", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String")),
            local("attempts", "int", new PrimitiveValue("int", 3)),
            local("ratio", "double", new PrimitiveValue("double", 0.5)),
            local("strict", "boolean", new PrimitiveValue("boolean", true)),
            local("grade", "char", new PrimitiveValue("char", 'q')),
            local("serial", "long", new PrimitiveValue("long", 1234567890123L)),
            local("pin", "int", new OmittedValue(OmittedValue.Reason.REDACTED, "int"))),
        List.of(local("this", SERVICE, new RefValue(1)), local("depth", "int", new PrimitiveValue("int", 0)),
            local("field", "java.lang.String", StringValue.of("quantity"))),
        List.of(local("this", SERVICE, new RefValue(1)), local("depth", "int", new PrimitiveValue("int", 1))),
        List.of(local("this", SERVICE, new RefValue(1)), local("order", "com.acme.shop.Order", new RefValue(10))),
        List.of(
            local("this", SERVICE, service),
            local("order", "com.acme.shop.Order", order),
            local("quantity", "java.lang.Integer", new PrimitiveValue("java.lang.Integer", 2)),
            local("note", "java.lang.String", new StringValue("abcdef", 100))),
        mainLocals()));
    List<FrameInfo> loggedFrames = frames(logged, List.of(
        List.of(
            local("this", SERVICE, new RefValue(1)),
            local("order", "com.acme.shop.Order", new RefValue(10)),
            local("e", "java.lang.NumberFormatException", new OmittedValue(OmittedValue.Reason.UNAVAILABLE, null))),
        mainLocals()));
    ThrowableGraph graph = new ThrowableGraph(List.of(
        info(logged, loggedFrames, 1, List.of(2)),
        info(cause, causeFrames, ThrowableInfo.NO_CAUSE, List.of()),
        info(suppressed, frames(suppressed, List.of(List.of())), ThrowableInfo.NO_CAUSE, List.of())));
    return new Dump("od-sample-1", Instant.parse("2026-11-26T05:00:00Z"), "host", 42, "test JVM", "shop",
        new ThreadInfo("main", 1, false, 5), "com.acme.shop", "ERROR", "order failed", Map.of(), List.of(),
        Map.of(), true, graph);
  }

  private static List<LocalVariable> mainLocals() {
    return List.of(
        local("args", "java.lang.String[]", new ArrayValue(20, "java.lang.String[]",
            List.of(StringValue.of("--fast")), 1)),
        local("started", "java.time.Instant", new TextValue("java.time.Instant", "2026-11-26T05:00:00Z")),
        local("total", "java.math.BigDecimal", new TextValue("java.math.BigDecimal", "12.50")),
        local("previous", "com.acme.shop.Order", NullValue.INSTANCE));
  }

  private static Value shopService() {
    Map<String, Value> repository = new LinkedHashMap<>();
    repository.put("table", StringValue.of("ORDERS"));
    repository.put("owner", new RefValue(1));
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("name", StringValue.of("orders"));
    fields.put("retries", new PrimitiveValue("int", 3));
    fields.put("repository", new ObjectValue(2, "com.acme.shop.OrderRepository", repository));
    return new ObjectValue(1, SERVICE, fields);
  }

  private static Value shopOrder() {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", new PrimitiveValue("long", 7L));
    fields.put("customer", StringValue.of("alice"));
    fields.put("items", new ArrayValue(11, "java.util.ArrayList",
        List.of(StringValue.of("apple"), StringValue.of("pear")), 2));
    fields.put("prices", new MapValue(12, "java.util.HashMap",
        List.of(new MapValue.Entry(StringValue.of("apple"), new PrimitiveValue("java.lang.Double", 1.5))), 1));
    fields.put("tags", new ArrayValue(13, "java.lang.String[]",
        List.of(StringValue.of("a"), StringValue.of("b"), StringValue.of("c")), 5));
    fields.put("counts", new ArrayValue(14, "int[]",
        List.of(new PrimitiveValue("int", 4), new PrimitiveValue("int", 5)), 2));
    fields.put("card", new OmittedValue(OmittedValue.Reason.REDACTED, "java.lang.String"));
    return new ObjectValue(10, "com.acme.shop.Order", fields);
  }

  /**
   * A dump of an {@code com.acme.edge.AccountException} (a class replay cannot load) thrown in a
   * constructor called from a subclass constructor, under an inherited method overridden by the
   * receiver's class, a JDK frame, a frame without source information, a static initialiser, and a
   * static and an instance method of the same name.
   */
  public static Dump edgeDump() {
    Map<String, Value> account = new LinkedHashMap<>();
    account.put("balance", new PrimitiveValue("long", 100L));
    account.put("owner", StringValue.of("bob"));
    account.put("rate", new PrimitiveValue("double", 0.25));
    Map<String, Value> bank = new LinkedHashMap<>();
    bank.put("name", StringValue.of("local"));
    bank.put("accounts", new MapValue(61, "java.util.TreeMap", List.of(
        new MapValue.Entry(StringValue.of("a"), new PrimitiveValue("java.lang.Integer", 1)),
        new MapValue.Entry(StringValue.of("b"), new PrimitiveValue("java.lang.Integer", 2))), 5));
    bank.put("registry", new ArrayValue(62, "java.lang.Object[]", List.of(new RefValue(60), NullValue.INSTANCE), 2));
    List<FrameInfo> frames = List.of(
        edgeFrame("com.acme.edge.Account", "<init>", "Account.java", 30,
            local("this", "com.acme.edge.Account", new ObjectValue(50, "com.acme.edge.SavingsAccount", account)),
            local("amount", "int", new PrimitiveValue("int", -5))),
        edgeFrame("com.acme.edge.SavingsAccount", "<init>", "SavingsAccount.java", 12,
            local("this", "com.acme.edge.SavingsAccount", new RefValue(50)),
            local("initial", "int", new PrimitiveValue("int", 100))),
        edgeFrame("com.acme.edge.Bank", "open", "Bank.java", 40,
            local("this", "com.acme.edge.Bank", new ObjectValue(60, "com.acme.edge.LocalBank", bank)),
            local("kind", "com.acme.edge.Kind", new TextValue("com.acme.edge.Kind", "SAVINGS")),
            local("file", "java.io.File", new ObjectValue(63, "java.io.File", Map.of("path", StringValue.of("/tmp/x")))),
            local("digits", "int[]", new ArrayValue(64, "int[]",
                List.of(new PrimitiveValue("int", 1), new PrimitiveValue("int", 3)), 9)),
            local("queue", "java.util.Queue", new ArrayValue(65, "java.util.LinkedList",
                List.of(StringValue.of("x")), 1))),
        edgeFrame("com.acme.edge.LocalBank", "open", "LocalBank.java", 22,
            local("this", "com.acme.edge.LocalBank", new RefValue(60))),
        FrameInfo.of(new StackTraceElement("java.util.ArrayList", "forEach", "ArrayList.java", 1511)),
        edgeFrame("com.acme.edge.Generated", "call", null, -1),
        edgeFrame("com.acme.edge.Registry", "<clinit>", "Registry.java", 8),
        edgeFrame("com.acme.edge.Main", "run", "Main.java", 20,
            local("this", "com.acme.edge.Main", new ObjectValue(70, "com.acme.edge.Main", Map.of()))),
        edgeFrame("com.acme.edge.Main", "run", "Main.java", 9),
        edgeFrame("com.acme.edge.Main", "main", "Main.java", 3));
    ThrowableInfo thrown = new ThrowableInfo("com.acme.edge.AccountException", "negative amount",
        "com.acme.edge.AccountException: negative amount", frames, ThrowableInfo.NO_CAUSE, List.of(), Map.of());
    return new Dump("od-sample-2", Instant.parse("2026-11-26T05:00:00Z"), "host", 42, "test JVM", null,
        new ThreadInfo("worker-1", 7, true, 5), null, null, null, Map.of(), List.of(), Map.of(), true,
        new ThrowableGraph(List.of(thrown)));
  }

  private static FrameInfo edgeFrame(String type, String method, String file, int line, LocalVariable... locals) {
    return FrameInfo.of(new StackTraceElement(type, method, file, line)).withLocals(List.of(locals));
  }

  /** The sample dump named {@code name}: {@code order}, {@code retry} or {@code edge}. */
  public static Dump named(String name) {
    return switch (name) {
      case "order" -> orderDump();
      case "retry" -> retryLoop();
      default -> edgeDump();
    };
  }

  private static List<FrameInfo> frames(Throwable t, List<List<LocalVariable>> locals) {
    List<FrameInfo> frames = new ArrayList<>();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < trace.length; i++) {
      FrameInfo frame = FrameInfo.of(trace[i]);
      boolean isJdk = frame.className().startsWith("java.");
      frames.add(isJdk ? frame : frame.withLocals(locals.get(i)));
    }
    return frames;
  }

  private static ThrowableInfo info(Throwable t, List<FrameInfo> frames, int cause, List<Integer> suppressed) {
    return new ThrowableInfo(t.getClass().getName(), t.getMessage(), t.toString(), frames, cause,
        suppressed, Map.of());
  }
}
