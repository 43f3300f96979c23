package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A dump whose values refer forward to values defined later, link after link, replays with every
 * link in place: a crafted chain of references cannot exhaust the replaying thread's stack.
 */
class ReferenceChainReplayTest {
  private static final int LINKS = 50_000;

  @Test
  void objectChain_replaysLinkByLink() throws Exception {
    ThrowableGraph graph = chain("com.acme.chain.Node[]", (id, next) -> {
      Map<String, Value> fields = new LinkedHashMap<>();
      fields.put("index", new PrimitiveValue("int", id));
      fields.put("next", next);
      return new ObjectValue(id, "com.acme.chain.Node", fields);
    });

    Object node = holder(graph).get(0);
    for (int i = 1; i <= LINKS; i++) {
      assertEquals(i, node.getClass().getField("index").get(node), "link " + i);
      node = node.getClass().getField("next").get(node);
    }
    assertEquals("end", node);
    assertThrows(ThrowableChain.class, () -> Replayer.replay(graph, 0, new ThrowableChain()));
  }

  @Test
  void arrayChain_replaysLinkByLink() throws Exception {
    ThrowableGraph graph = chain("java.lang.Object[]",
        (id, next) -> new ArrayValue(id, "java.lang.Object[]", List.of(new PrimitiveValue("int", id), next), 2));

    Object link = holder(graph).get(0);
    for (int i = 1; i <= LINKS; i++) {
      Object[] array = (Object[]) link;
      assertEquals(i, array[0], "link " + i);
      link = array[1];
    }
    assertEquals("end", link);
    assertThrows(ThrowableChain.class, () -> Replayer.replay(graph, 0, new ThrowableChain()));
  }

  @Test
  void listAndMapChain_replaysLinkByLink() throws Exception {
    ThrowableGraph graph = chain("java.lang.Object[]", (id, next) -> id % 2 == 0
        ? new ArrayValue(id, "java.util.ArrayList", List.of(new PrimitiveValue("int", id), next), 2)
        : new MapValue(id, "java.util.HashMap", List.of(new MapValue.Entry(StringValue.of("next"), next)), 1));

    Object link = holder(graph).get(0);
    for (int i = 1; i <= LINKS; i++) {
      if (i % 2 == 0) {
        List<?> list = (List<?>) link;
        assertEquals(i, list.get(0), "link " + i);
        link = list.get(1);
      } else {
        link = ((Map<?, ?>) link).get("next");
      }
    }
    assertEquals("end", link);
    assertThrows(ThrowableChain.class, () -> Replayer.replay(graph, 0, new ThrowableChain()));
  }

  /** Value {@code i} (1..LINKS) refers to value {@code i + 1}, all defined side by side in one array. */
  private static ThrowableGraph chain(String holderType, BiFunction<Integer, Value, Value> link) {
    List<Value> links = new ArrayList<>();
    for (int id = 1; id <= LINKS; id++) {
      links.add(link.apply(id, id == LINKS ? StringValue.of("end") : new RefValue(id + 1)));
    }
    Value holder = new ArrayValue(LINKS + 1, "java.lang.Object[]", links, links.size());
    FrameInfo frame = FrameInfo.of(new StackTraceElement("com.acme.chain.Walker", "walk", "Walker.java", 9))
        .withLocals(List.of(new LocalVariable("links", holderType, holder)));
    return new ThrowableGraph(List.of(new ThrowableInfo(ThrowableChain.class.getName(), "x",
        ThrowableChain.class.getName() + ": x", List.of(frame), ThrowableInfo.NO_CAUSE, List.of(), Map.of())));
  }

  /** The replayed holder array, as the generated frame receives it. */
  private static List<Object> holder(ThrowableGraph graph) throws ReflectiveOperationException {
    ReplayPlan plan = ReplayPlan.of(graph, graph.root());
    ValueMaterializer values = new ValueMaterializer(plan, Replayer.define(plan), new Throwable[0]);
    Object holder = values.materialize(plan.frames.get(0).locals.get(0).value());
    assertSame(holder, values.materialize(plan.frames.get(0).locals.get(0).value()));
    return List.of((Object[]) holder);
  }

  static final class ThrowableChain extends RuntimeException {
    ThrowableChain() {
      super("x");
    }
  }
}
