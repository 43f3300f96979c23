package dev.offlinedebug.model;

import java.util.List;

/**
 * A value that holds other values and has an identity within its dump: an object, an array or
 * collection, or a map. A {@link RefValue} with the same {@link #id()} is another reference to it;
 * {@link ThrowableGraph#valuesById()} resolves those.
 *
 * <pre>{@code
 * Map<Integer, CompositeValue> byId = dump.exception().valuesById();
 * Value shown = value instanceof RefValue ref ? byId.get(ref.id()) : value;
 * }</pre>
 *
 * @since 0.2
 */
public sealed interface CompositeValue extends Value permits ObjectValue, ArrayValue, MapValue {

  /** Unique within the dump. */
  int id();

  /**
   * The values this one holds directly, in order: an object's field values, an array's or
   * collection's elements, each map entry's key then value.
   */
  List<Value> children();
}
