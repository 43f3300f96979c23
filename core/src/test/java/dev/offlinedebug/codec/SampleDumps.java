package dev.offlinedebug.codec;

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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dumps built by hand from the model, so codec and store tests do not depend on capture. */
public final class SampleDumps {
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
}
