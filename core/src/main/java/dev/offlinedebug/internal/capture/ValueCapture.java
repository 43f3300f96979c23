package dev.offlinedebug.internal.capture;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue.Reason;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Captures the values of one dump: bounded in depth, breadth, string length and total size,
 * redacted, with shared references and cycles as {@link RefValue}s. Runs no application code and
 * never waits for another thread: a JDK object is read through its public API only where that is
 * known to take no monitor or lock and call nothing it holds ({@link JdkCollections}, {@link
 * JdkText}, {@link JdkParts}), library collections by their known field layouts ({@link
 * LibraryCollections}), everything else through its fields where the module system allows, else it
 * is {@code <unavailable>}. A throwable is a {@link ThrowableValue} pointing into the dump's
 * exception graph when it is part of it ({@link #linkGraph}), else the text of its header line. One
 * instance per dump; not thread-safe.
 */
final class ValueCapture {
  /** Bounds recursion even when a user configures a huge {@code maxDepth}. */
  private static final int DEPTH_CEILING = 64;
  /** Bounds unwrapping of wrappers around wrappers. */
  private static final int WRAPPER_CEILING = 8;

  private final Redaction redaction;
  private final ByteBudget budget;
  private final int maxDepth;
  private final int maxElements;
  private final int maxStringLength;
  /** Made on the first object registered: most dumps hold no object values (a table is 0.5 KB). */
  private IdentityHashMap<Object, Integer> ids;
  private int nextId = 1;
  /** The throwables of the dump's graph by identity, and their header lines; null until it is walked. */
  private Map<Throwable, Integer> graphIndexes;
  private IntFunction<String> graphHeaders;

  ValueCapture(CaptureLimits limits, Redaction redaction, ByteBudget budget) {
    this.redaction = redaction;
    this.budget = budget;
    this.maxDepth = Math.max(0, Math.min(limits.maxDepth(), DEPTH_CEILING));
    this.maxElements = Math.max(0, limits.maxCollectionElements());
    this.maxStringLength = Math.max(0, limits.maxStringLength());
  }

  /**
   * From now on, a throwable of {@code indexes} is captured as a {@link ThrowableValue} of its index,
   * whose text is its header line in {@code headers}: what the graph already read, so no method of
   * the throwable runs again.
   */
  void linkGraph(Map<Throwable, Integer> indexes, IntFunction<String> headers) {
    this.graphIndexes = indexes;
    this.graphHeaders = headers;
  }

  /** A value held under {@code name} (local, field, map key): redacted when the name is sensitive. */
  Value named(String name, Object value, String declaredType, int depth) {
    budget.chargeName(name);
    if (redaction.redactsName(name)) {
      return redacted(value, declaredType);
    }
    return capture(value, declaredType, depth);
  }

  /**
   * A local variable; {@code nameRedacted} when its name is sensitive, {@code nameUnknown} when the
   * agent made its name up (no {@code -g}).
   */
  Value local(String name, boolean nameRedacted, Object value, String declaredType, boolean nameUnknown) {
    budget.chargeName(name);
    if (nameRedacted || nameUnknown && redaction.redactsUnnamed(name, value)) {
      return redacted(value, declaredType);
    }
    return capture(value, declaredType, 0);
  }

  /** The value paired with {@code key}: redacted when the key is a sensitive name. */
  private Value paired(Object key, Object value, String declaredType, int depth) {
    return redaction.redactsKey(key) ? redacted(value, declaredType) : capture(value, declaredType, depth);
  }

  private static Value redacted(Object value, String declaredType) {
    return new OmittedValue(Reason.REDACTED, typeName(value, declaredType));
  }

  /**
   * The snapshot of {@code value}; {@code depth} is 0 for a local variable. Never throws: whatever
   * cannot be read becomes {@code <unavailable>}.
   */
  Value capture(Object value, String declaredType, int depth) {
    if (value == null) {
      return NullValue.INSTANCE;
    }
    try {
      return captureNonNull(value, declaredType, depth);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return new OmittedValue(Reason.UNAVAILABLE, typeName(value, declaredType));
    }
  }

  private Value captureNonNull(Object value, String declaredType, int depth) {
    Class<?> type = value.getClass();
    if (redaction.redactsType(type)) {
      return new OmittedValue(Reason.REDACTED, type.getName());
    }
    if (budget.exhausted()) {
      return new OmittedValue(Reason.TRUNCATED, type.getTypeName());
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (isBox(type)) {
      budget.charge(ByteBudget.SCALAR);
      String boxType = isPrimitiveName(declaredType) ? declaredType : type.getName();
      return redaction.redactsNumber(value)
          ? new OmittedValue(Reason.REDACTED, boxType) : new PrimitiveValue(boxType, value);
    }
    if (value instanceof Enum<?> e) {
      return text(e.getDeclaringClass().getName(), e.name());
    }
    if (value instanceof Throwable t) {
      return throwable(t, type);
    }
    Integer seen = ids == null ? null : ids.get(value);
    if (seen != null) {
      budget.charge(ByteBudget.SMALL);
      return new RefValue(seen);
    }
    boolean jdk = JdkClasses.isJdk(type);
    if (jdk) {
      String text = JdkText.of(value);
      if (text != null) {
        return text(type.getName(), text);
      }
      String chars = JdkText.chars(value);
      if (chars != null) {
        return string(chars);
      }
    }
    if (depth > maxDepth) {
      return new OmittedValue(Reason.TRUNCATED, type.getTypeName());
    }
    if (type.isArray()) {
      return array(value, type, depth);
    }
    Value collection = collection(value, type, depth);
    if (collection != null) {
      return collection;
    }
    if (jdk) {
      return jdkObject(value, type, depth);
    }
    return object(value, type, depth);
  }

  private static boolean isBox(Class<?> type) {
    return type == Integer.class || type == Long.class || type == Boolean.class
        || type == Double.class || type == Character.class || type == Byte.class
        || type == Short.class || type == Float.class;
  }

  private static boolean isPrimitiveName(String name) {
    return name != null
        && switch (name) {
          case "int", "long", "boolean", "double", "char", "byte", "short", "float" -> true;
          default -> false;
        };
  }

  private Value string(String s) {
    if (redaction.redactsText(s)) {
      return new OmittedValue(Reason.REDACTED, "java.lang.String");
    }
    String kept = cut(s);
    budget.chargeText(kept.length());
    return new StringValue(kept, s.length());
  }

  /** {@code s} cut to {@code maxStringLength}, never between the two halves of a surrogate pair. */
  private String cut(String s) {
    int kept = Math.min(s.length(), maxStringLength);
    // A lone surrogate would reach the codec and JSON.
    if (kept > 0 && kept < s.length() && Character.isHighSurrogate(s.charAt(kept - 1))) {
      kept--;
    }
    return kept == s.length() ? s : s.substring(0, kept);
  }

  /**
   * A throwable of the dump's graph as a pointer to it; any other as its header line, built without
   * running a method the application overrides ({@link JdkText#header}).
   */
  private Value throwable(Throwable t, Class<?> type) {
    Integer index = graphIndexes == null ? null : graphIndexes.get(t);
    if (index == null) {
      return text(type.getName(), cut(JdkText.header(t)));
    }
    String header = cut(graphHeaders.apply(index));
    budget.chargeName(type.getName());
    budget.chargeText(header.length());
    budget.charge(ByteBudget.SMALL);
    return new ThrowableValue(type.getName(), header, index);
  }

  private Value text(String type, String text) {
    if (redaction.redactsText(text)) {
      return new OmittedValue(Reason.REDACTED, type);
    }
    budget.chargeName(type);
    budget.chargeText(text.length());
    return new TextValue(type, text);
  }

  private int register(Object value, String type) {
    int id = nextId++;
    if (ids == null) {
      ids = new IdentityHashMap<>();
    }
    ids.put(value, id);
    budget.chargeName(type);
    budget.charge(ByteBudget.SMALL);
    return id;
  }

  private Value array(Object array, Class<?> type, int depth) {
    int length = Array.getLength(array);
    Class<?> component = type.getComponentType();
    if (component == char.class && redaction.redactsText(new String((char[]) array))) {
      return new OmittedValue(Reason.REDACTED, type.getTypeName());
    }
    int id = register(array, type.getTypeName());
    String componentName = component.isPrimitive() ? component.getName() : null;
    int kept = Math.min(length, maxElements);
    List<Value> elements = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      Object previous = i == 0 ? null : Array.get(array, i - 1);
      elements.add(paired(previous, Array.get(array, i), componentName, depth + 1));
    }
    return new ArrayValue(id, type.getTypeName(), elements, length);
  }

  /**
   * A collection or map read as one, when that runs no application code and cannot wait for
   * another thread; else {@code null}.
   */
  private Value collection(Object value, Class<?> type, int depth) {
    CollectionContents contents = contents(value, 0);
    if (contents == null) {
      return null;
    }
    return contents.map()
        ? entries(value, type, contents.items(), contents.size(), depth)
        : elements(value, type, contents.items().toArray(), contents.size(), depth);
  }

  /**
   * The contents of a collection or map that can be read safely ({@link JdkCollections}, {@link
   * JdkFieldCollections}, {@link LibraryCollections}); a JDK wrapper's are those of what it wraps, a
   * JDK set's the keys of the map it keeps them in ({@link JdkWrappers}). Else {@code null}.
   */
  private CollectionContents contents(Object value, int wrappers) {
    if (JdkCollections.readableByApi(value.getClass())) {
      if (value instanceof Map<?, ?> m) {
        int size = m.size();
        Object[] entries = snapshot(m.entrySet().iterator(), size);
        List<Object> keysAndValues = new ArrayList<>(2 * entries.length);
        for (Object o : entries) {
          Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
          keysAndValues.add(e.getKey());
          keysAndValues.add(e.getValue());
        }
        return new CollectionContents(keysAndValues, size, true);
      }
      Collection<?> c = (Collection<?>) value;
      int size = c.size();
      return new CollectionContents(Arrays.asList(snapshot(c.iterator(), size)), size, false);
    }
    Object wrapped = wrappers < WRAPPER_CEILING ? JdkWrappers.wrapped(value) : null;
    if (wrapped != null) {
      return contents(wrapped, wrappers + 1);
    }
    Object keyMap = wrappers < WRAPPER_CEILING ? JdkWrappers.keysOf(value) : null;
    if (keyMap != null) {
      CollectionContents map = contents(keyMap, wrappers + 1);
      return map == null || !map.map() ? null : map.keys();
    }
    CollectionContents jdkFields = JdkFieldCollections.read(value, maxElements);
    return jdkFields != null ? jdkFields : LibraryCollections.read(value, maxElements);
  }

  private Value jdkObject(Object value, Class<?> type, int depth) {
    Map<String, Object> parts = JdkParts.of(value);
    if (parts != null) {
      return parts(value, type, parts, depth);
    }
    Object[] elements = JdkParts.elements(value, maxElements);
    if (elements != null) {
      return elements(value, type, elements, JdkParts.length(value), depth);
    }
    if (!ObjectFields.allUnreadable(type)) {
      return object(value, type, depth);
    }
    Map<String, Object> serialFields = SerialFields.of(value);
    if (serialFields != null) {
      return parts(value, type, serialFields, depth);
    }
    return new OmittedValue(Reason.UNAVAILABLE, type.getName());
  }

  /** An object shown by named parts of its state. */
  private Value parts(Object value, Class<?> type, Map<String, Object> parts, int depth) {
    int id = register(value, type.getName());
    Map<String, Value> fields = new LinkedHashMap<>();
    boolean secretPair = redaction.redactsKey(parts.get("key"));
    parts.forEach((name, part) -> fields.put(name,
        secretPair && Redaction.isPairValue(name) ? redacted(part, null) : named(name, part, null, depth + 1)));
    return new ObjectValue(id, type.getName(), fields);
  }

  private Value elements(Object owner, Class<?> type, Object[] snapshot, int length, int depth) {
    int id = register(owner, type.getName());
    List<Value> elements = new ArrayList<>(snapshot.length);
    Object previous = null;
    for (Object element : snapshot) {
      elements.add(paired(previous, element, null, depth + 1));
      previous = element;
    }
    return new ArrayValue(id, type.getName(), elements, Math.max(length, snapshot.length));
  }

  /**
   * Copies up to {@code maxCollectionElements} elements before capturing any of them, so that a
   * collection changed by another thread meanwhile ({@code ConcurrentModificationException}) still
   * gives the elements read so far and no half-registered values.
   */
  private Object[] snapshot(Iterator<?> iterator, int size) {
    List<Object> copy = new ArrayList<>(Math.min(Math.max(0, size), maxElements));
    try {
      while (copy.size() < maxElements && iterator.hasNext()) {
        copy.add(iterator.next());
      }
    } catch (RuntimeException concurrentlyModified) {
      // keep what was read
    }
    return copy.toArray();
  }

  /** A map of {@code size} entries whose first keys and values alternate in {@code keysAndValues}. */
  private Value entries(Object map, Class<?> type, List<Object> keysAndValues, int size, int depth) {
    int id = register(map, type.getName());
    List<MapValue.Entry> captured = new ArrayList<>(keysAndValues.size() / 2);
    for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
      Object key = keysAndValues.get(i);
      Value keyValue = capture(key, null, depth + 1);
      Value value = paired(key, keysAndValues.get(i + 1), null, depth + 1);
      captured.add(new MapValue.Entry(keyValue, value));
    }
    return new MapValue(id, type.getName(), captured, Math.max(size, captured.size()));
  }

  private Value object(Object value, Class<?> type, int depth) {
    int id = register(value, type.getName());
    Map<String, Value> fields = new LinkedHashMap<>();
    List<ObjectFields.Slot> slots = ObjectFields.of(type);
    boolean secretPair = redaction.redactsKey(pairName(value, slots));
    for (ObjectFields.Slot slot : slots) {
      fields.put(slot.name(), secretPair && Redaction.isPairValue(slot.name())
          ? new OmittedValue(Reason.REDACTED, slot.typeName()) : field(value, slot, depth + 1));
    }
    return new ObjectValue(id, type.getName(), fields);
  }

  /** The name of a name/value object ({@code key} or {@code name} field), or null. */
  private static Object pairName(Object owner, List<ObjectFields.Slot> slots) {
    for (ObjectFields.Slot slot : slots) {
      if (Redaction.isPairName(slot.name()) && slot.field() != null) {
        try {
          return slot.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The value of one field of {@code owner}, or {@code <unavailable>} when it cannot be read. */
  Value field(Object owner, ObjectFields.Slot slot, int depth) {
    if (slot.field() == null) {
      budget.chargeName(slot.name());
      return new OmittedValue(Reason.UNAVAILABLE, slot.typeName());
    }
    Object fieldValue;
    try {
      fieldValue = slot.get(owner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new OmittedValue(Reason.UNAVAILABLE, slot.typeName());
    }
    return named(slot.name(), fieldValue, slot.typeName(), depth);
  }

  /** The runtime type, except that a primitive slot keeps its primitive type name. */
  private static String typeName(Object value, String declaredType) {
    return value == null || isPrimitiveName(declaredType) ? declaredType : value.getClass().getTypeName();
  }
}
