package dev.offlinedebug.internal.codec;

import dev.offlinedebug.model.ArrayValue;
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
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Value}s as a run of scalars inside a sequence: the kind, then what that
 * kind needs, children after a count. A nested marshallable per value would cost a 5-byte length
 * prefix and a field name per scalar, more than most values themselves; locals are most of a
 * dump, so they are written positionally. Names go through the record's {@link StringTable}.
 *
 * <p>A {@link ThrowableValue} is written as the text value it also is (type and header line), and
 * its index goes to the record's {@link WireSchema#THROWABLE_LINKS}: a reader that does not know
 * that field still shows the throwable's type and message. Reusable per record ({@link #clear}).
 */
final class ValueWriter {
  private final StringTable names;
  /** Text values written since {@link #clear}. */
  private int texts;
  /** Ordinal of the text value, then graph index, of each throwable written since {@link #clear}. */
  private final List<Integer> links = new ArrayList<>();

  ValueWriter(StringTable names) {
    this.names = names;
  }

  /** Starts a record: no text value written yet. */
  void clear() {
    texts = 0;
    links.clear();
  }

  void write(WireOutput out, Value value) {
    write(out, value, 0);
  }

  /** The {@link WireSchema#THROWABLE_LINKS} of the values written since {@link #clear}, if any. */
  void writeLinks(WireOutput out) {
    if (links.isEmpty()) {
      return;
    }
    out.field(WireSchema.THROWABLE_LINKS);
    out.beginSequence();
    for (int n : links) {
      out.smallInt(n);
    }
    out.endSequence();
  }

  private void write(WireOutput out, Value value, int depth) {
    // Capture bounds nesting by maxDepth; this guard keeps a misconfigured depth from overflowing
    // the stack here and keeps every record within ValueReader's own nesting limit.
    if (depth >= ValueKind.MAX_NESTING - 1 && hasChildren(value)) {
      value = new OmittedValue(OmittedValue.Reason.TRUNCATED, value.type());
    }
    if (value instanceof NullValue) {
      out.smallInt(ValueKind.NULL);
    } else if (value instanceof PrimitiveValue p) {
      out.smallInt(ValueKind.PRIMITIVE);
      out.smallInt(names.indexOf(p.type()));
      primitive(out, p.value());
    } else if (value instanceof StringValue s) {
      out.smallInt(ValueKind.STRING);
      TextWriter.write(out, s.value());
      out.smallInt(s.length() - s.value().length());
    } else if (value instanceof TextValue t) {
      text(out, t.type(), t.text());
    } else if (value instanceof ThrowableValue t) {
      links.add(texts);
      links.add(t.index());
      text(out, t.type(), t.text());
    } else if (value instanceof ObjectValue o) {
      out.smallInt(ValueKind.OBJECT);
      out.smallInt(o.id());
      out.smallInt(names.indexOf(o.type()));
      out.smallInt(o.fields().size());
      for (Map.Entry<String, Value> field : o.fields().entrySet()) {
        out.smallInt(names.indexOf(field.getKey()));
        write(out, field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue a) {
      out.smallInt(ValueKind.ARRAY);
      out.smallInt(a.id());
      out.smallInt(names.indexOf(a.type()));
      out.smallInt(a.length());
      out.smallInt(a.elements().size());
      for (Value element : a.elements()) {
        write(out, element, depth + 1);
      }
    } else if (value instanceof MapValue m) {
      out.smallInt(ValueKind.MAP);
      out.smallInt(m.id());
      out.smallInt(names.indexOf(m.type()));
      out.smallInt(m.size());
      out.smallInt(m.entries().size());
      for (MapValue.Entry entry : m.entries()) {
        write(out, entry.key(), depth + 1);
        write(out, entry.value(), depth + 1);
      }
    } else if (value instanceof RefValue r) {
      out.smallInt(ValueKind.REF);
      out.smallInt(r.id());
    } else if (value instanceof OmittedValue o) {
      out.smallInt(ValueKind.OMITTED);
      out.smallInt(o.reason().ordinal());
      out.smallInt(names.indexOf(o.type()));
    }
  }

  private void text(WireOutput out, String type, String text) {
    out.smallInt(ValueKind.TEXT);
    out.smallInt(names.indexOf(type));
    TextWriter.write(out, text);
    texts++;
  }

  private static boolean hasChildren(Value value) {
    return value instanceof ObjectValue || value instanceof ArrayValue || value instanceof MapValue;
  }

  /** Floating point values go as raw bits so NaN payloads and {@code -0.0} survive. */
  private static void primitive(WireOutput out, Object box) {
    if (box instanceof Boolean b) {
      out.smallInt(ValueKind.BOOLEAN);
      out.bool(b);
    } else if (box instanceof Byte b) {
      out.smallInt(ValueKind.BYTE);
      out.smallInt(b);
    } else if (box instanceof Short s) {
      out.smallInt(ValueKind.SHORT);
      out.smallInt(s);
    } else if (box instanceof Character c) {
      out.smallInt(ValueKind.CHAR);
      out.smallInt(c);
    } else if (box instanceof Integer i) {
      out.smallInt(ValueKind.INT);
      out.smallInt(i);
    } else if (box instanceof Long l) {
      out.smallInt(ValueKind.LONG);
      out.int64(l);
    } else if (box instanceof Float f) {
      out.smallInt(ValueKind.FLOAT);
      out.smallInt(Float.floatToRawIntBits(f));
    } else if (box instanceof Double d) {
      out.smallInt(ValueKind.DOUBLE);
      out.int64(Double.doubleToRawLongBits(d));
    } else {
      // Not a box the model allows; keep its text rather than failing the whole dump.
      out.smallInt(ValueKind.UNKNOWN_BOX);
      TextWriter.write(out, String.valueOf(box));
    }
  }
}
