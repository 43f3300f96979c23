package dev.offlinedebug.replay;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.CompositeValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns captured values into live objects of the replay JVM, as {@link ValueTypes} decided: the
 * same object for every reference to one captured id (so cycles and sharing survive), generated
 * stand-ins filled field by field, and marker strings for what was not captured. Instantiates only
 * generated classes and the allow-listed JDK types of {@link JdkValues} and {@link JdkContainers},
 * each through code written for it; never runs application code. A throwable of the dump's graph
 * is the very throwable the graph was rebuilt into, so a local holding the logged exception's cause
 * holds the replayed exception's cause.
 *
 * <p>A value that was cut shows it: a string ends with {@value #TRUNCATED}, and a cut collection,
 * map or reference array gets a {@value #TRUNCATED} element, key or slot at its end where its
 * element type allows; a cut primitive array is just shorter.
 */
final class ValueMaterializer {
  static final String TRUNCATED = "<truncated>";

  /**
   * How deep values are filled in place; deeper ones are created at once and filled afterwards,
   * from {@link #deferred}, so that a crafted chain of references cannot exhaust the stack.
   */
  private static final int MAX_NESTING = 256;

  private final ReplayPlan plan;
  private final ReplayClassLoader loader;
  /** The rebuilt throwables by graph index ({@link Replayer#rebuiltByIndex}); null where unknown. */
  private final Throwable[] rebuilt;
  private final Map<Integer, Object> byId = new HashMap<>();
  private final Deque<Filling> deferred = new ArrayDeque<>();
  private int nesting;

  ValueMaterializer(ReplayPlan plan, ReplayClassLoader loader, Throwable[] rebuilt) {
    this.plan = plan;
    this.loader = loader;
    this.rebuilt = rebuilt;
  }

  /** The live object of {@code value}, complete: everything reachable from it is filled in. */
  Object materialize(Value value) throws ReflectiveOperationException {
    Object live = value(value);
    while (!deferred.isEmpty()) {
      deferred.poll().fill();
    }
    return live;
  }

  private Object value(Value value) throws ReflectiveOperationException {
    if (value instanceof NullValue) {
      return null;
    }
    if (value instanceof PrimitiveValue p) {
      return p.value();
    }
    if (value instanceof StringValue s) {
      return s.truncated() ? s.value() + TRUNCATED : s.value();
    }
    if (value instanceof TextValue t) {
      return plan.types.parsed(t).orElse(t.text());
    }
    if (value instanceof ThrowableValue t) {
      Throwable known = t.index() < rebuilt.length ? rebuilt[t.index()] : null;
      // An index a damaged dump made up, or a rebuilt graph of another shape: a stand-in that prints the same.
      return known != null ? known : new RebuiltThrowable(t.type(), null, t.text());
    }
    if (value instanceof OmittedValue o) {
      return o.reason().marker();
    }
    if (value instanceof RefValue r) {
      Value resolved = plan.types.resolve(r);
      return resolved == null ? OmittedValue.Reason.UNAVAILABLE.marker() : value(resolved);
    }
    if (value instanceof CompositeValue composite && byId.containsKey(composite.id())) {
      return byId.get(composite.id());
    }
    if (value instanceof ObjectValue o) {
      return object(o);
    }
    if (value instanceof ArrayValue a) {
      Class<?> target = loader.classOf(plan.types.target(a));
      return target.isArray() ? array(a, target) : collection(a, target);
    }
    return map((MapValue) value);
  }

  /** A blank instance of generated class {@code name}: the receiver when none was captured. */
  Object blankInstance(String name) throws ReflectiveOperationException {
    Class<?> generated = loader.classOf(name);
    if (generated.getClassLoader() != loader) {
      // Stand-in names never name a JDK class; a dump that found a way would get no instance of it.
      throw new IllegalStateException("not a generated class: " + name);
    }
    return generated.getConstructor().newInstance();
  }

  private Object object(ObjectValue o) throws ReflectiveOperationException {
    Object instance = blankInstance(plan.types.target(o));
    byId.put(o.id(), instance);
    fill(() -> {
      for (Map.Entry<String, Value> field : o.fields().entrySet()) {
        Field f = instance.getClass().getField(TypeNames.legalMemberName(field.getKey()));
        f.set(instance, value(field.getValue()));
      }
    });
    return instance;
  }

  private Object array(ArrayValue a, Class<?> type) throws ReflectiveOperationException {
    Class<?> component = type.getComponentType();
    boolean marked = a.truncated() && component.isAssignableFrom(String.class);
    int length = a.elements().size() + (marked ? 1 : 0);
    Object array = Array.newInstance(component, length);
    byId.put(a.id(), array);
    fill(() -> {
      for (int i = 0; i < a.elements().size(); i++) {
        Value element = a.elements().get(i);
        if (!component.isPrimitive() || element instanceof PrimitiveValue) {
          Array.set(array, i, value(element));
        }
      }
      if (marked) {
        Array.set(array, length - 1, TRUNCATED);
      }
    });
    return array;
  }

  @SuppressWarnings("unchecked")
  private Object collection(ArrayValue a, Class<?> type) throws ReflectiveOperationException {
    Collection<Object> collection = (Collection<Object>) JdkContainers.newInstance(type.getName());
    byId.put(a.id(), collection);
    fill(() -> {
      for (Value element : a.elements()) {
        collection.add(value(element));
      }
      if (a.truncated() && !ValueTypes.isComparing(type)) {
        collection.add(TRUNCATED);
      }
    });
    return collection;
  }

  @SuppressWarnings("unchecked")
  private Object map(MapValue m) throws ReflectiveOperationException {
    Class<?> type = loader.classOf(plan.types.target(m));
    Map<Object, Object> map = (Map<Object, Object>) JdkContainers.newInstance(type.getName());
    byId.put(m.id(), map);
    fill(() -> {
      for (MapValue.Entry e : m.entries()) {
        map.put(value(e.key()), value(e.value()));
      }
      if (m.truncated() && !ValueTypes.isComparing(type)) {
        map.put(TRUNCATED, TRUNCATED);
      }
    });
    return map;
  }

  /**
   * Runs {@code filling} now, or, this deep, after the outermost value: a container filled late
   * may already sit in a hash-based parent under its empty hash, which only such a chain can cause.
   */
  private void fill(Filling filling) throws ReflectiveOperationException {
    if (nesting >= MAX_NESTING) {
      deferred.add(filling);
      return;
    }
    nesting++;
    try {
      filling.fill();
    } finally {
      nesting--;
    }
  }

  /** Sets the fields, elements or entries of one value that was created before them. */
  @FunctionalInterface
  private interface Filling {
    void fill() throws ReflectiveOperationException;
  }
}
