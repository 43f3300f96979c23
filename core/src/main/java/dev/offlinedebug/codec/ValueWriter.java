package dev.offlinedebug.codec;

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
import java.util.Map;
import net.openhft.chronicle.wire.ValueOut;

/**
 * Writes {@link Value}s as a run of scalars inside a Chronicle sequence: the kind, then what that
 * kind needs, children after a count. A nested marshallable per value would cost a 5-byte length
 * prefix and a field name per scalar, more than most values themselves; locals are most of a
 * dump, so they are written positionally. Names go through the record's {@link StringTable}.
 */
final class ValueWriter {
  private final StringTable names;

  ValueWriter(StringTable names) {
    this.names = names;
  }

  void write(ValueOut out, Value value) {
    write(out, value, 0);
  }

  private void write(ValueOut out, Value value, int depth) {
    // Capture bounds nesting by maxDepth; this guard keeps a misconfigured depth from overflowing
    // the stack here and keeps every record within ValueReader's own nesting limit.
    if (depth >= ValueKind.MAX_NESTING - 1 && hasChildren(value)) {
      value = new OmittedValue(OmittedValue.Reason.TRUNCATED, value.type());
    }
    if (value instanceof NullValue) {
      out.int32(ValueKind.NULL);
    } else if (value instanceof PrimitiveValue p) {
      out.int32(ValueKind.PRIMITIVE);
      out.int32(names.indexOf(p.type()));
      primitive(out, p.value());
    } else if (value instanceof StringValue s) {
      out.int32(ValueKind.STRING);
      WireText.write(out, s.value());
      out.int32(s.length() - s.value().length());
    } else if (value instanceof TextValue t) {
      out.int32(ValueKind.TEXT);
      out.int32(names.indexOf(t.type()));
      WireText.write(out, t.text());
    } else if (value instanceof ObjectValue o) {
      out.int32(ValueKind.OBJECT);
      out.int32(o.id());
      out.int32(names.indexOf(o.type()));
      out.int32(o.fields().size());
      for (Map.Entry<String, Value> field : o.fields().entrySet()) {
        out.int32(names.indexOf(field.getKey()));
        write(out, field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue a) {
      out.int32(ValueKind.ARRAY);
      out.int32(a.id());
      out.int32(names.indexOf(a.type()));
      out.int32(a.length());
      out.int32(a.elements().size());
      for (Value element : a.elements()) {
        write(out, element, depth + 1);
      }
    } else if (value instanceof MapValue m) {
      out.int32(ValueKind.MAP);
      out.int32(m.id());
      out.int32(names.indexOf(m.type()));
      out.int32(m.size());
      out.int32(m.entries().size());
      for (MapValue.Entry entry : m.entries()) {
        write(out, entry.key(), depth + 1);
        write(out, entry.value(), depth + 1);
      }
    } else if (value instanceof RefValue r) {
      out.int32(ValueKind.REF);
      out.int32(r.id());
    } else if (value instanceof OmittedValue o) {
      out.int32(ValueKind.OMITTED);
      out.int32(o.reason().ordinal());
      out.int32(names.indexOf(o.type()));
    }
  }

  private static boolean hasChildren(Value value) {
    return value instanceof ObjectValue || value instanceof ArrayValue || value instanceof MapValue;
  }

  /** Floating point values go as raw bits so NaN payloads and {@code -0.0} survive. */
  private static void primitive(ValueOut out, Object box) {
    if (box instanceof Boolean b) {
      out.int32(ValueKind.BOOLEAN);
      out.bool(b);
    } else if (box instanceof Byte b) {
      out.int32(ValueKind.BYTE);
      out.int32(b);
    } else if (box instanceof Short s) {
      out.int32(ValueKind.SHORT);
      out.int32(s);
    } else if (box instanceof Character c) {
      out.int32(ValueKind.CHAR);
      out.int32(c);
    } else if (box instanceof Integer i) {
      out.int32(ValueKind.INT);
      out.int32(i);
    } else if (box instanceof Long l) {
      out.int32(ValueKind.LONG);
      out.int64(l);
    } else if (box instanceof Float f) {
      out.int32(ValueKind.FLOAT);
      out.int32(Float.floatToRawIntBits(f));
    } else if (box instanceof Double d) {
      out.int32(ValueKind.DOUBLE);
      out.int64(Double.doubleToRawLongBits(d));
    } else {
      // Not a box the model allows; keep its text rather than failing the whole dump.
      out.int32(ValueKind.UNKNOWN_BOX);
      WireText.write(out, String.valueOf(box));
    }
  }
}
