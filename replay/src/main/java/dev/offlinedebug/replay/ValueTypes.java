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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * Decides, from the dump alone, the class each captured value becomes in the replay JVM (its
 * "target"), in source form: the same decisions the {@link ValueMaterializer} then carries out, so
 * that generated locals can be declared with types their values fit.
 *
 * <p>Primitives, boxes and strings keep their classes; so do the texts of the pure JDK value types
 * of {@link JdkValues} and the JDK collections and maps of {@link JdkContainers}, the only classes
 * replay builds from a dump. Other texts stay strings, other collections and maps become the
 * nearest general-purpose one, other objects become generated stand-ins (JDK classes renamed under
 * {@link #JDK_STAND_IN_PREFIX}, since no class loader but the JDK's may define {@code java.*});
 * values that were not captured become their marker string; a throwable of the dump's graph is the
 * throwable it was rebuilt into. Deciding this loads JDK classes a dump
 * names without initialising them, and never instantiates them.
 */
final class ValueTypes {
  /** Prefix of stand-ins for captured objects of JDK classes, e.g. {@code replay.java.io.File}. */
  static final String JDK_STAND_IN_PREFIX = "replay.";

  /**
   * How deep {@link #target} follows elements; deeper containers are decided without looking at
   * theirs, so a crafted chain of references cannot exhaust the stack.
   */
  private static final int MAX_NESTING = 256;

  private final Map<Integer, CompositeValue> values;
  private final Map<String, ClassModel> classes;
  private final Map<Integer, String> targetsById = new HashMap<>();
  private final Map<TextValue, Optional<Object>> parsed = new HashMap<>();
  private int nesting;

  ValueTypes(Map<Integer, CompositeValue> values, Map<String, ClassModel> classes) {
    this.values = values;
    this.classes = classes;
  }

  /** The value {@code value} refers to when it is a reference; {@code null} when that is not in the dump. */
  Value resolve(Value value) {
    return value instanceof RefValue ref ? values.get(ref.id()) : value;
  }

  /** The generated class that stands in for objects captured as {@code type}. */
  static String standInName(String type) {
    String name = TypeNames.legalClassName(TypeNames.sourceForm(type));
    return JdkTypes.isReservedName(name) ? JDK_STAND_IN_PREFIX + name : name;
  }

  /** The replay-side value of a text value, or empty when it stays a string. */
  Optional<Object> parsed(TextValue text) {
    return parsed.computeIfAbsent(text, t -> JdkValues.parse(t.type(), t.text()));
  }

  /** The target class name of {@code value}; {@code null} for the null reference. */
  String target(Value value) {
    if (value instanceof NullValue) {
      return null;
    }
    if (value instanceof PrimitiveValue p) {
      return p.value().getClass().getName();
    }
    if (value instanceof TextValue t) {
      return parsed(t).map(o -> JdkTypes.nearestAccessible(o.getClass()).getName())
          .orElse(TypeNames.STRING);
    }
    if (value instanceof ThrowableValue) {
      // The rebuilt throwable: of the original class, or a stand-in when that is not allowed.
      return Throwable.class.getName();
    }
    if (value instanceof RefValue) {
      Value resolved = resolve(value);
      return resolved == null ? TypeNames.STRING : target(resolved);
    }
    if (!(value instanceof CompositeValue composite)) {
      return TypeNames.STRING; // StringValue, OmittedValue
    }
    int id = composite.id();
    String known = targetsById.get(id);
    if (known != null) {
      return known;
    }
    targetsById.put(id, TypeNames.OBJECT); // what a cycle back to this value sees meanwhile
    String target;
    nesting++;
    try {
      if (value instanceof ObjectValue o) {
        target = standInName(o.type());
      } else if (value instanceof ArrayValue a) {
        target = TypeNames.isArray(TypeNames.sourceForm(a.type())) ? arrayTarget(a) : collectionTarget(a);
      } else {
        target = mapTarget((MapValue) value);
      }
    } finally {
      nesting--;
    }
    targetsById.put(id, target);
    return target;
  }

  private String arrayTarget(ArrayValue array) {
    String component = TypeNames.componentOf(TypeNames.sourceForm(array.type()));
    if (JdkTypes.isPrimitive(component)) {
      return component + "[]";
    }
    if (!isNameable(component) || nesting > MAX_NESTING) {
      return TypeNames.OBJECT + "[]";
    }
    for (Value element : array.elements()) {
      String t = target(element);
      if (t != null && !isAssignable(component, t)) {
        return TypeNames.OBJECT + "[]";
      }
    }
    return component + "[]";
  }

  private String collectionTarget(ArrayValue collection) {
    Optional<Class<?>> type = JdkTypes.load(collection.type());
    if (type.isPresent() && Collection.class.isAssignableFrom(type.get())) {
      Class<?> c = type.get();
      boolean sorted = SortedSet.class.isAssignableFrom(c) || isPriorityQueue(c);
      if (isBuilt(c.getName(), collection.elements()) && (!sorted || areMutuallyComparable(collection.elements()))) {
        return c.getName();
      }
      if (Set.class.isAssignableFrom(c)) {
        return LinkedHashSet.class.getName();
      }
      if (Queue.class.isAssignableFrom(c) && !List.class.isAssignableFrom(c)) {
        return LinkedList.class.getName();
      }
    }
    return ArrayList.class.getName();
  }

  private String mapTarget(MapValue map) {
    Optional<Class<?>> type = JdkTypes.load(map.type());
    if (type.isPresent() && Map.class.isAssignableFrom(type.get())) {
      List<Value> keys = new ArrayList<>();
      List<Value> keysAndValues = new ArrayList<>();
      for (MapValue.Entry e : map.entries()) {
        keys.add(e.key());
        keysAndValues.add(e.key());
        keysAndValues.add(e.value());
      }
      String name = type.get().getName();
      boolean sorted = SortedMap.class.isAssignableFrom(type.get());
      if (isBuilt(name, keysAndValues) && (!sorted || areMutuallyComparable(keys))) {
        return name;
      }
    }
    return LinkedHashMap.class.getName();
  }

  /** Whether replay builds a collection or map of class {@code name} that can hold {@code values}. */
  private static boolean isBuilt(String name, List<Value> values) {
    return JdkContainers.isBuilt(name)
        && (JdkContainers.acceptsNull(name) || values.stream().noneMatch(NullValue.class::isInstance));
  }

  /** Whether a collection of this class orders its elements by comparing them. */
  static boolean isComparing(Class<?> c) {
    return SortedSet.class.isAssignableFrom(c)
        || SortedMap.class.isAssignableFrom(c)
        || isPriorityQueue(c);
  }

  private static boolean isPriorityQueue(Class<?> c) {
    return PriorityQueue.class.isAssignableFrom(c) || PriorityBlockingQueue.class.isAssignableFrom(c);
  }

  /** Strings, boxes or JDK value types, all of one class: what a sorted collection can order. */
  private boolean areMutuallyComparable(List<Value> values) {
    if (nesting > MAX_NESTING) {
      return false;
    }
    String common = null;
    for (Value v : values) {
      String t = target(v);
      boolean comparable =
          t != null
              && JdkTypes.load(t).map(Comparable.class::isAssignableFrom).orElse(false)
              && (common == null || common.equals(t));
      if (!comparable) {
        return false;
      }
      common = t;
    }
    return true;
  }

  /** Whether generated code can name {@code sourceName}: a generated class or an accessible JDK one. */
  boolean isNameable(String sourceName) {
    String element = TypeNames.elementOf(sourceName);
    return classes.containsKey(element)
        || JdkTypes.load(element).map(JdkTypes::isAccessible).orElse(false);
  }

  /** Whether a value of target class {@code target} may be stored in a {@code declared}. */
  boolean isAssignable(String declared, String target) {
    if (declared.equals(target) || declared.equals(TypeNames.OBJECT)) {
      return !JdkTypes.isPrimitive(target);
    }
    if (TypeNames.isArray(target)) {
      if (TypeNames.isArray(declared)) {
        String dc = TypeNames.componentOf(declared);
        String tc = TypeNames.componentOf(target);
        return !JdkTypes.isPrimitive(dc) && !JdkTypes.isPrimitive(tc) && isAssignable(dc, tc);
      }
      return declared.equals("java.lang.Cloneable") || declared.equals("java.io.Serializable");
    }
    if (TypeNames.isArray(declared)) {
      return false;
    }
    ClassModel generated = classes.get(target);
    if (generated != null) {
      return !generated.superName.equals(TypeNames.OBJECT) && isAssignable(declared, generated.superName);
    }
    Optional<Class<?>> d = JdkTypes.load(declared);
    Optional<Class<?>> t = JdkTypes.load(target);
    return d.isPresent() && t.isPresent() && !d.get().isPrimitive() && d.get().isAssignableFrom(t.get());
  }
}
