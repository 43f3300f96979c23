package dev.offlinedebug.replay;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.Value;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns captured values into live objects of the replay JVM, as {@link ValueTypes} decided: the
 * same object for every reference to one captured id (so cycles and sharing survive), generated
 * stand-ins filled field by field, and marker strings for what was not captured. Instantiates only
 * generated classes and the allow-listed JDK types of {@link JdkValues} and {@link JdkContainers},
 * each through code written for it; never runs application code.
 *
 * <p>A value that was cut shows it: a string ends with {@value #TRUNCATED}, and a cut collection,
 * map or reference array gets a {@value #TRUNCATED} element, key or slot at its end where its
 * element type allows; a cut primitive array is just shorter.
 */
final class ValueMaterializer {
  static final String TRUNCATED = "<truncated>";

  private final ReplayPlan plan;
  private final ReplayClassLoader loader;
  private final Map<Integer, Object> byId = new HashMap<>();

  ValueMaterializer(ReplayPlan plan, ReplayClassLoader loader) {
    this.plan = plan;
    this.loader = loader;
  }

  Object materialize(Value value) throws ReflectiveOperationException {
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
    if (value instanceof OmittedValue o) {
      return o.reason().marker();
    }
    if (value instanceof RefValue r) {
      Value resolved = plan.index.resolve(r);
      return resolved == null ? OmittedValue.Reason.UNAVAILABLE.marker() : materialize(resolved);
    }
    Integer id = ValueIndex.idOf(value);
    if (byId.containsKey(id)) {
      return byId.get(id);
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
    for (Map.Entry<String, Value> field : o.fields().entrySet()) {
      Field f = instance.getClass().getField(TypeNames.legalMemberName(field.getKey()));
      f.set(instance, materialize(field.getValue()));
    }
    return instance;
  }

  private Object array(ArrayValue a, Class<?> type) throws ReflectiveOperationException {
    Class<?> component = type.getComponentType();
    boolean marked = a.truncated() && component.isAssignableFrom(String.class);
    int length = a.elements().size() + (marked ? 1 : 0);
    Object array = Array.newInstance(component, length);
    byId.put(a.id(), array);
    for (int i = 0; i < a.elements().size(); i++) {
      Value element = a.elements().get(i);
      if (!component.isPrimitive() || element instanceof PrimitiveValue) {
        Array.set(array, i, materialize(element));
      }
    }
    if (marked) {
      Array.set(array, length - 1, TRUNCATED);
    }
    return array;
  }

  @SuppressWarnings("unchecked")
  private Object collection(ArrayValue a, Class<?> type) throws ReflectiveOperationException {
    Collection<Object> collection = (Collection<Object>) JdkContainers.newInstance(type.getName());
    byId.put(a.id(), collection);
    for (Value element : a.elements()) {
      collection.add(materialize(element));
    }
    if (a.truncated() && !ValueTypes.isComparing(type)) {
      collection.add(TRUNCATED);
    }
    return collection;
  }

  @SuppressWarnings("unchecked")
  private Object map(MapValue m) throws ReflectiveOperationException {
    Class<?> type = loader.classOf(plan.types.target(m));
    Map<Object, Object> map = (Map<Object, Object>) JdkContainers.newInstance(type.getName());
    byId.put(m.id(), map);
    for (MapValue.Entry e : m.entries()) {
      map.put(materialize(e.key()), materialize(e.value()));
    }
    if (m.truncated() && !ValueTypes.isComparing(type)) {
      map.put(TRUNCATED, TRUNCATED);
    }
    return map;
  }
}
