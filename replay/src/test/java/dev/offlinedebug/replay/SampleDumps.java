package dev.offlinedebug.replay;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made dumps of an order service: the logged {@code IllegalStateException} wraps a {@code
 * NumberFormatException} thrown in the JDK under a recursive, overloaded validation, with a
 * suppressed exception; objects with cycles, collections, maps, truncated and redacted values.
 */
final class SampleDumps {
  static final String SERVICE = "com.acme.shop.OrderService";

  private SampleDumps() {}

  /** The original throwable the order dump was captured from. */
  static Throwable orderOriginal() {
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
  static Dump orderDump() {
    Throwable logged = orderOriginal();
    Throwable cause = logged.getCause();
    Throwable suppressed = logged.getSuppressed()[0];
    Value service = service();
    Value order = order();
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

  private static Value service() {
    Map<String, Value> repository = new LinkedHashMap<>();
    repository.put("table", StringValue.of("ORDERS"));
    repository.put("owner", new RefValue(1));
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("name", StringValue.of("orders"));
    fields.put("retries", new PrimitiveValue("int", 3));
    fields.put("repository", new ObjectValue(2, "com.acme.shop.OrderRepository", repository));
    return new ObjectValue(1, SERVICE, fields);
  }

  private static Value order() {
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
  static Dump edgeDump() {
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

  /** The sample dump named {@code name}: {@code order} or {@code edge}. */
  static Dump named(String name) {
    return name.equals("order") ? orderDump() : edgeDump();
  }

  static LocalVariable local(String name, String type, Value value) {
    return new LocalVariable(name, type, value);
  }

  static List<FrameInfo> frames(Throwable t, List<List<LocalVariable>> locals) {
    List<FrameInfo> frames = new ArrayList<>();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < trace.length; i++) {
      FrameInfo frame = FrameInfo.of(trace[i]);
      boolean isJdk = frame.className().startsWith("java.");
      frames.add(isJdk ? frame : frame.withLocals(locals.get(i)));
    }
    return frames;
  }

  static ThrowableInfo info(Throwable t, List<FrameInfo> frames, int cause, List<Integer> suppressed) {
    return new ThrowableInfo(t.getClass().getName(), t.getMessage(), t.toString(), frames, cause,
        suppressed, Map.of());
  }
}
