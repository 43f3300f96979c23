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
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.wire.ValueOut;
import net.openhft.chronicle.wire.WireOut;

/**
 * Writes a {@link Value} as a nested marshallable: {@code k} (kind) first, then only the fields the
 * kind needs. Names go through the record's {@link StringTable}.
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
    // the stack here and keeps every record readable by ValueReader's own nesting limit.
    Value bounded = depth >= ValueKind.MAX_NESTING - 1
        ? new OmittedValue(OmittedValue.Reason.TRUNCATED, value.type())
        : value;
    out.marshallable(w -> fields(w, bounded, depth));
  }

  private void fields(WireOut w, Value value, int depth) {
    if (value instanceof NullValue) {
      w.write("k").int32(ValueKind.NULL);
    } else if (value instanceof PrimitiveValue p) {
      w.write("k").int32(ValueKind.PRIMITIVE);
      w.write("t").int32(names.indexOf(p.type()));
      primitive(w, p.value());
    } else if (value instanceof StringValue s) {
      w.write("k").int32(ValueKind.STRING);
      WireText.write(w.write("v"), s.value());
      if (s.length() != s.value().length()) {
        w.write("l").int32(s.length());
      }
    } else if (value instanceof TextValue t) {
      w.write("k").int32(ValueKind.TEXT);
      w.write("t").int32(names.indexOf(t.type()));
      WireText.write(w.write("v"), t.text());
    } else if (value instanceof ObjectValue o) {
      w.write("k").int32(ValueKind.OBJECT);
      w.write("i").int32(o.id());
      w.write("t").int32(names.indexOf(o.type()));
      w.write("f").sequence(o.fields(), (fields, seq) -> {
        for (Map.Entry<String, Value> field : fields.entrySet()) {
          seq.int32(names.indexOf(field.getKey()));
          write(seq, field.getValue(), depth + 1);
        }
      });
    } else if (value instanceof ArrayValue a) {
      w.write("k").int32(ValueKind.ARRAY);
      w.write("i").int32(a.id());
      w.write("t").int32(names.indexOf(a.type()));
      w.write("l").int32(a.length());
      w.write("e").sequence(a.elements(), (elements, seq) -> values(seq, elements, depth));
    } else if (value instanceof MapValue m) {
      w.write("k").int32(ValueKind.MAP);
      w.write("i").int32(m.id());
      w.write("t").int32(names.indexOf(m.type()));
      w.write("l").int32(m.size());
      w.write("e").sequence(m.entries(), (entries, seq) -> {
        for (MapValue.Entry entry : entries) {
          write(seq, entry.key(), depth + 1);
          write(seq, entry.value(), depth + 1);
        }
      });
    } else if (value instanceof RefValue r) {
      w.write("k").int32(ValueKind.REF);
      w.write("i").int32(r.id());
    } else if (value instanceof OmittedValue o) {
      w.write("k").int32(ValueKind.OMITTED);
      w.write("r").int32(o.reason().ordinal());
      w.write("t").int32(names.indexOf(o.type()));
    }
  }

  private void values(ValueOut seq, List<Value> values, int depth) {
    for (Value element : values) {
      write(seq, element, depth + 1);
    }
  }

  /** Floating point values go as raw bits so NaN payloads and {@code -0.0} survive. */
  private static void primitive(WireOut w, Object box) {
    if (box instanceof Boolean b) {
      w.write("b").int32(ValueKind.BOOLEAN);
      w.write("v").bool(b);
    } else if (box instanceof Byte b) {
      w.write("b").int32(ValueKind.BYTE);
      w.write("v").int32(b);
    } else if (box instanceof Short s) {
      w.write("b").int32(ValueKind.SHORT);
      w.write("v").int32(s);
    } else if (box instanceof Character c) {
      w.write("b").int32(ValueKind.CHAR);
      w.write("v").int32(c);
    } else if (box instanceof Integer i) {
      w.write("b").int32(ValueKind.INT);
      w.write("v").int32(i);
    } else if (box instanceof Long l) {
      w.write("b").int32(ValueKind.LONG);
      w.write("v").int64(l);
    } else if (box instanceof Float f) {
      w.write("b").int32(ValueKind.FLOAT);
      w.write("v").int32(Float.floatToRawIntBits(f));
    } else if (box instanceof Double d) {
      w.write("b").int32(ValueKind.DOUBLE);
      w.write("v").int64(Double.doubleToRawLongBits(d));
    } else {
      // Not a box the model allows; keep its text rather than failing the whole dump.
      w.write("b").int32(ValueKind.UNKNOWN_BOX);
      WireText.write(w.write("v"), String.valueOf(box));
    }
  }
}
