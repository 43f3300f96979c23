package dev.offlinedebug.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ThrowableGraph#valuesById()}: the one index of a dump's objects, arrays and maps. */
class ValuesByIdTest {

  @Test
  void valuesById_reachesLocalsFieldsAndEveryNestedComposite_acrossThrowables() {
    ObjectValue customer = new ObjectValue(3, "com.acme.Customer", Map.of("name", new StringValue("Ada", 3)));
    MapValue attributes = new MapValue(4, "java.util.HashMap",
        List.of(new MapValue.Entry(new StringValue("vip", 3), new RefValue(3))), 1);
    ArrayValue lines = new ArrayValue(2, "java.util.ArrayList", List.of(customer, attributes), 2);
    ObjectValue order = new ObjectValue(1, "com.acme.Order", fields("lines", lines));
    ObjectValue sqlState = new ObjectValue(5, "com.acme.State", Map.of());
    ThrowableInfo wrapper = throwable(List.of(frame(new LocalVariable("order", "com.acme.Order", order))), 1, Map.of());
    ThrowableInfo cause = throwable(List.of(frame(new LocalVariable("again", "com.acme.Order", new RefValue(1)))),
        ThrowableInfo.NO_CAUSE, Map.of("state", sqlState));

    Map<Integer, CompositeValue> byId = new ThrowableGraph(List.of(wrapper, cause)).valuesById();

    assertEquals(Map.of(1, order, 2, lines, 3, customer, 4, attributes, 5, sqlState), byId);
  }

  @Test
  void valuesById_aChainDeeperThanAnyStack_isIndexedWithoutRecursion() {
    int depth = 200_000;
    Value next = NullValue.INSTANCE;
    for (int id = depth; id >= 1; id--) {
      next = new ObjectValue(id, "com.acme.Link", fields("next", next));
    }
    ThrowableInfo thrown = throwable(List.of(frame(new LocalVariable("head", "com.acme.Link", next))),
        ThrowableInfo.NO_CAUSE, Map.of());

    Map<Integer, CompositeValue> byId = new ThrowableGraph(List.of(thrown)).valuesById();

    assertEquals(depth, byId.size());
    assertSame(next, byId.get(1));
  }

  @Test
  void valuesById_anIdUsedTwice_keepsTheFirstMet() {
    ObjectValue first = new ObjectValue(7, "com.acme.First", Map.of());
    ObjectValue second = new ObjectValue(7, "com.acme.Second", Map.of());
    ThrowableInfo thrown = throwable(List.of(frame(new LocalVariable("a", "com.acme.First", first),
        new LocalVariable("b", "com.acme.Second", second))), ThrowableInfo.NO_CAUSE, Map.of());

    assertSame(first, new ThrowableGraph(List.of(thrown)).valuesById().get(7));
  }

  private static Map<String, Value> fields(String name, Value value) {
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put(name, value);
    return fields;
  }

  private static FrameInfo frame(LocalVariable... locals) {
    return new FrameInfo("com.acme.Shop", "checkout", "Shop.java", 42, null, null, "app", true, List.of(locals));
  }

  private static ThrowableInfo throwable(List<FrameInfo> frames, int cause, Map<String, Value> fields) {
    return new ThrowableInfo("java.lang.IllegalStateException", "boom", "java.lang.IllegalStateException: boom",
        frames, cause, List.of(), fields);
  }
}
