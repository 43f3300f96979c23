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
      SmallInts.write(out, ValueKind.NULL);
    } else if (value instanceof PrimitiveValue p) {
      SmallInts.write(out, ValueKind.PRIMITIVE);
      SmallInts.write(out, names.indexOf(p.type()));
      primitive(out, p.value());
    } else if (value instanceof StringValue s) {
      SmallInts.write(out, ValueKind.STRING);
      WireText.write(out, s.value());
      SmallInts.write(out, s.length() - s.value().length());
    } else if (value instanceof TextValue t) {
      SmallInts.write(out, ValueKind.TEXT);
      SmallInts.write(out, names.indexOf(t.type()));
      WireText.write(out, t.text());
    } else if (value instanceof ObjectValue o) {
      SmallInts.write(out, ValueKind.OBJECT);
      SmallInts.write(out, o.id());
      SmallInts.write(out, names.indexOf(o.type()));
      SmallInts.write(out, o.fields().size());
      for (Map.Entry<String, Value> field : o.fields().entrySet()) {
        SmallInts.write(out, names.indexOf(field.getKey()));
        write(out, field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue a) {
      SmallInts.write(out, ValueKind.ARRAY);
      SmallInts.write(out, a.id());
      SmallInts.write(out, names.indexOf(a.type()));
      SmallInts.write(out, a.length());
      SmallInts.write(out, a.elements().size());
      for (Value element : a.elements()) {
        write(out, element, depth + 1);
      }
    } else if (value instanceof MapValue m) {
      SmallInts.write(out, ValueKind.MAP);
      SmallInts.write(out, m.id());
      SmallInts.write(out, names.indexOf(m.type()));
      SmallInts.write(out, m.size());
      SmallInts.write(out, m.entries().size());
      for (MapValue.Entry entry : m.entries()) {
        write(out, entry.key(), depth + 1);
        write(out, entry.value(), depth + 1);
      }
    } else if (value instanceof RefValue r) {
      SmallInts.write(out, ValueKind.REF);
      SmallInts.write(out, r.id());
    } else if (value instanceof OmittedValue o) {
      SmallInts.write(out, ValueKind.OMITTED);
      SmallInts.write(out, o.reason().ordinal());
      SmallInts.write(out, names.indexOf(o.type()));
    }
  }

  private static boolean hasChildren(Value value) {
    return value instanceof ObjectValue || value instanceof ArrayValue || value instanceof MapValue;
  }

  /** Floating point values go as raw bits so NaN payloads and {@code -0.0} survive. */
  private static void primitive(ValueOut out, Object box) {
    if (box instanceof Boolean b) {
      SmallInts.write(out, ValueKind.BOOLEAN);
      out.bool(b);
    } else if (box instanceof Byte b) {
      SmallInts.write(out, ValueKind.BYTE);
      SmallInts.write(out, b);
    } else if (box instanceof Short s) {
      SmallInts.write(out, ValueKind.SHORT);
      SmallInts.write(out, s);
    } else if (box instanceof Character c) {
      SmallInts.write(out, ValueKind.CHAR);
      SmallInts.write(out, c);
    } else if (box instanceof Integer i) {
      SmallInts.write(out, ValueKind.INT);
      SmallInts.write(out, i);
    } else if (box instanceof Long l) {
      SmallInts.write(out, ValueKind.LONG);
      out.int64(l);
    } else if (box instanceof Float f) {
      SmallInts.write(out, ValueKind.FLOAT);
      SmallInts.write(out, Float.floatToRawIntBits(f));
    } else if (box instanceof Double d) {
      SmallInts.write(out, ValueKind.DOUBLE);
      out.int64(Double.doubleToRawLongBits(d));
    } else {
      // Not a box the model allows; keep its text rather than failing the whole dump.
      SmallInts.write(out, ValueKind.UNKNOWN_BOX);
      WireText.write(out, String.valueOf(box));
    }
  }
}
