package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.testing.SampleDumps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic dumps whose records, as the Chronicle-based encoder of the first release wrote them,
 * are kept under {@code src/test/resources/landed/}: every later encoder must write the same bytes
 * and every later reader must read them back into these dumps. Maps hold one entry at most:
 * {@code Dump} keeps the MDC in a {@code Map.copyOf}, whose order changes from one JVM to the next.
 */
final class LandedDumps {
  /** Resource file name to dump. */
  static final Map<String, Dump> ALL = all();

  private LandedDumps() {}

  private static Map<String, Dump> all() {
    Map<String, Dump> all = new LinkedHashMap<>();
    all.put("reference-with-locals.dump", referenceWithLocals());
    all.put("unicode.dump", unicode());
    all.put("numbers.dump", numbers());
    all.put("long-strings.dump", longStrings());
    all.put("minimal.dump", minimal());
    return all;
  }

  private static Dump referenceWithLocals() {
    List<LocalVariable> locals = new ArrayList<>();
    int i = 0;
    for (Value v : SampleDumps.everyValueKind()) {
      locals.add(new LocalVariable("v" + i++, v.type() == null ? "java.lang.Object" : v.type(), v));
    }
    List<FrameInfo> outer = frames("com.acme.shop.OrderService", 8, locals);
    List<FrameInfo> cause = new ArrayList<>(frames("com.acme.shop.HttpTransport", 3, List.of()));
    cause.addAll(outer.subList(3, 8).stream().map(f -> f.withLocals(List.of())).toList());
    List<FrameInfo> withModule = List.of(new FrameInfo("java.net.Socket", "read", "Socket.java", 982, "java.base",
        "17.0.9", null, false, List.of()), new FrameInfo("app.Loader", "load", null, -2, null, null, "app", false,
        List.of()));
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("errorCode", new PrimitiveValue("int", 503));
    fields.put("host", StringValue.of("payments.internal"));
    List<ThrowableInfo> throwables = List.of(
        new ThrowableInfo("java.lang.IllegalStateException", "payment for order 7731 failed", "java.lang.IllegalStateException: payment for order 7731 failed",
            outer, 1, List.of(2, 3), Map.of()),
        new ThrowableInfo("java.io.IOException", "connection reset", "IOException[reset]", cause, -1, List.of(), fields),
        new ThrowableInfo("java.lang.RuntimeException", null, "java.lang.RuntimeException", withModule, -1, List.of(), Map.of()),
        new ThrowableInfo("java.lang.Error", "suppressed too", "java.lang.Error: suppressed too", List.of(), 1, List.of(), Map.of()));
    return new Dump("od-landed1-000000000000", Instant.ofEpochSecond(1_700_000_000L, 123_456_789), "shop-1", 4242,
        "OpenJDK 64-Bit Server VM 17.0.9", "shop", new ThreadInfo("http-nio-8080-exec-3", 57, true, 5),
        "com.acme.shop.OrderService", "ERROR", "order 7731 failed", Map.of("requestId", "9f1c"), List.of("AUDIT", "PAYMENT"),
        Map.of("test", "landed"), true, new ThrowableGraph(throwables));
  }

  private static Dump unicode() {
    List<String> texts = List.of("", "caf\u00e9", "\u65e5\u672c\u8a9e", "emoji \ud83d\ude00\ud83c\udf89",
        "plane 2 \ud840\udc00 plane 14 \udb40\udc01", "\ud800", "a\udc00b", "end\udbff", "\udfff\ud800",
        "nul\u0000byte", "\uffff\ufffe", "\u007f\u0080\u07ff\u0800");
    Map<String, Value> fields = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      fields.put("f" + texts.get(i) + i, StringValue.of(texts.get(i)));
    }
    List<LocalVariable> locals = List.of(new LocalVariable("\ud801x", "T\udc01", new ObjectValue(1, "\ud800", fields)),
        new LocalVariable("ch", "char", new PrimitiveValue("char", '\ud800')));
    List<ThrowableInfo> throwables = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      FrameInfo frame = new FrameInfo("C" + text, "m" + text, text, i, text, text, text, i == 0, i == 0 ? locals : List.of());
      throwables.add(new ThrowableInfo("E" + text, text, "desc" + text, List.of(frame),
          i + 1 < texts.size() ? i + 1 : -1, List.of(), Map.of()));
    }
    return new Dump("od-\ud83d\ude00-\udc00", Instant.ofEpochSecond(1_700_000_001L, 0), "h\u00f6st", 1, "jvm \u65e5",
        "app\ud800", new ThreadInfo("main \u65e5\u672c \ud83d\ude00", 1, false, 5), "log\u00e9", "ERROR",
        "failed \ud83d\ude00 \udc00", Map.of("k\u00fc", "v\ud83d\ude00 lone \udbff"), List.of("M\u00e9"),
        Map.of(), true, new ThrowableGraph(throwables));
  }

  private static Dump numbers() {
    long[] longs = {0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, Integer.MAX_VALUE, 1L << 31, 3_000_000_000L,
        (1L << 32) - 1, 1L << 32, 1L << 40, (1L << 40) + 1, Long.MAX_VALUE, -1, -128, -129, -32768, -32769,
        Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, -(1L << 40), -(1L << 40) - 1, Long.MIN_VALUE};
    int[] ints = {0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, Integer.MAX_VALUE, -1, -128, -129, -32768,
        -32769, Integer.MIN_VALUE};
    List<Value> values = new ArrayList<>();
    for (long l : longs) {
      values.add(new PrimitiveValue("long", l));
      values.add(new PrimitiveValue("double", (double) l));
    }
    for (int n : ints) {
      values.add(new PrimitiveValue("int", n));
      values.add(new PrimitiveValue("float", (float) n));
      values.add(new PrimitiveValue("short", (short) n));
      values.add(new PrimitiveValue("byte", (byte) n));
      values.add(new PrimitiveValue("char", (char) n));
    }
    values.add(new PrimitiveValue("float", Float.intBitsToFloat(0x7fc00001)));
    values.add(new PrimitiveValue("double", Double.longBitsToDouble(0x7ff8000000000001L)));
    values.add(new PrimitiveValue("boolean", false));
    values.add(new StringValue("cut", 1 << 20));
    values.add(new ArrayValue(300, "long[]", values.subList(0, 20), 100_000));
    values.add(new MapValue(70000, "java.util.TreeMap", List.of(new MapValue.Entry(new PrimitiveValue("int", -5),
        new TextValue("java.math.BigInteger", "-123456789012345678901234567890"))), 40000));
    values.add(new OmittedValue(OmittedValue.Reason.UNAVAILABLE, null));
    List<LocalVariable> locals = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String type = values.get(i).type();
      locals.add(new LocalVariable("n" + i, type == null ? "java.lang.Object" : type, values.get(i)));
    }
    FrameInfo frame = new FrameInfo("Numbers", "compute", "Numbers.java", 70000, null, null, null, true, locals);
    FrameInfo nativeFrame = new FrameInfo("Numbers", "nat", null, -2, null, null, null, false, List.of());
    ThrowableInfo t = new ThrowableInfo("java.lang.ArithmeticException", "overflow", "java.lang.ArithmeticException: overflow",
        List.of(frame, nativeFrame), -1, List.of(), Map.of());
    return new Dump("od-numbers-1", Instant.ofEpochSecond(-1_000_000_000_000L, 999_999_999), "h",
        Long.MAX_VALUE, "j", null, new ThreadInfo("t", -7, true, 10), null, null, null, Map.of(), List.of(),
        Map.of(), true, new ThrowableGraph(List.of(t)));
  }

  private static Dump longStrings() {
    String k300 = "k".repeat(300);
    String e70000 = "\u00e9".repeat(35_000);
    String ascii70000 = "x".repeat(70_000);
    String lone200 = "\ud800".repeat(200);
    String lone40000 = "a\udc00".repeat(20_000);
    List<LocalVariable> locals = List.of(
        new LocalVariable("s300", "java.lang.String", StringValue.of(k300)),
        new LocalVariable("s70000", "java.lang.String", StringValue.of(e70000)),
        new LocalVariable("lone200", "java.lang.String", StringValue.of(lone200)),
        new LocalVariable("lone40000", "java.lang.String", StringValue.of(lone40000)),
        new LocalVariable("n" + k300, "T" + k300, StringValue.of("\u65e5".repeat(90))));
    FrameInfo frame = new FrameInfo("C" + k300, "m", "F.java", 1, null, null, null, true, locals);
    ThrowableInfo t = new ThrowableInfo("E", ascii70000, "E: " + ascii70000, List.of(frame), -1, List.of(), Map.of());
    return new Dump("od-long-1", Instant.ofEpochSecond(0, 1), "h".repeat(31), 2, "j".repeat(32), "a".repeat(255),
        new ThreadInfo("t".repeat(256), 3, false, 1), "l".repeat(65535), "ERROR", "m".repeat(65536),
        Map.of("k", k300), List.of(), Map.of(), true, new ThrowableGraph(List.of(t)));
  }

  private static Dump minimal() {
    ThrowableInfo t = new ThrowableInfo("E", null, "E", List.of(), -1, List.of(), Map.of());
    return new Dump("od-min", Instant.EPOCH, "", 0, "", null, new ThreadInfo("", 0, false, 0), null, null, null,
        Map.of(), List.of(), Map.of(), false, new ThrowableGraph(List.of(t)));
  }

  private static List<FrameInfo> frames(String className, int count, List<LocalVariable> locals) {
    List<FrameInfo> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(new FrameInfo(className, "step" + i, className.substring(className.lastIndexOf('.') + 1) + ".java",
          40 + 17 * i, null, null, null, i % 3 == 0, i % 3 == 0 ? locals : List.of()));
    }
    return frames;
  }
}
