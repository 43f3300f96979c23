package dev.offlinedebug.internal.codec;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.LocalVariable;
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
import java.util.List;
import java.util.Map;

/**
 * A 64-bit digest of captured data, so that dedup can tell which values of a repeat differ from
 * the first dump's without keeping that dump in memory. Covers exactly what {@link ValueWriter}
 * encodes: values nested past its limit count as the truncated value it writes instead.
 */
final class ModelDigest {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
  private static final long ROUND = 0xC2B2AE3D27D4EB4FL;
  private long state = 0x27D4EB2F165667C5L;

  /** The digest of everything mixed in so far. */
  long get() {
    long h = state;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h;
  }

  ModelDigest mix(long x) {
    state = Long.rotateLeft(state ^ x * ROUND, 31) * MULTIPLIER;
    return this;
  }

  ModelDigest text(String s) {
    if (s == null) {
      return mix(-1);
    }
    mix(s.length());
    int i = 0;
    for (int n = s.length() - 3; i < n; i += 4) {
      mix((long) s.charAt(i) << 48 | (long) s.charAt(i + 1) << 32 | (long) s.charAt(i + 2) << 16 | s.charAt(i + 3));
    }
    for (; i < s.length(); i++) {
      mix(s.charAt(i));
    }
    return this;
  }

  ModelDigest locals(List<LocalVariable> locals) {
    mix(locals.size());
    for (LocalVariable local : locals) {
      text(local.name());
      text(local.type());
      value(local.value(), 0);
    }
    return this;
  }

  ModelDigest value(Value value) {
    return value(value, 0);
  }

  private ModelDigest value(Value value, int depth) {
    if (depth >= ValueKind.MAX_NESTING - 1
        && (value instanceof ObjectValue || value instanceof ArrayValue || value instanceof MapValue)) {
      value = new OmittedValue(OmittedValue.Reason.TRUNCATED, value.type());
    }
    if (value instanceof NullValue) {
      mix(ValueKind.NULL);
    } else if (value instanceof PrimitiveValue p) {
      mix(ValueKind.PRIMITIVE).text(p.type()).text(p.value().getClass().getName()).mix(bits(p.value()));
    } else if (value instanceof StringValue s) {
      mix(ValueKind.STRING).text(s.value()).mix(s.length());
    } else if (value instanceof TextValue t) {
      mix(ValueKind.TEXT).text(t.type()).text(t.text());
    } else if (value instanceof ThrowableValue t) {
      mix(ValueKind.TEXT).text(t.type()).text(t.text()).mix(t.index());
    } else if (value instanceof ObjectValue o) {
      mix(ValueKind.OBJECT).mix(o.id()).text(o.type()).mix(o.fields().size());
      for (Map.Entry<String, Value> field : o.fields().entrySet()) {
        text(field.getKey()).value(field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue a) {
      mix(ValueKind.ARRAY).mix(a.id()).text(a.type()).mix(a.length()).mix(a.elements().size());
      for (Value element : a.elements()) {
        value(element, depth + 1);
      }
    } else if (value instanceof MapValue m) {
      mix(ValueKind.MAP).mix(m.id()).text(m.type()).mix(m.size()).mix(m.entries().size());
      for (MapValue.Entry entry : m.entries()) {
        value(entry.key(), depth + 1).value(entry.value(), depth + 1);
      }
    } else if (value instanceof RefValue r) {
      mix(ValueKind.REF).mix(r.id());
    } else if (value instanceof OmittedValue o) {
      mix(ValueKind.OMITTED).mix(o.reason().ordinal()).text(o.type());
    }
    return this;
  }

  /** Floating point by raw bits, as the writer stores them, so NaN payloads and -0.0 count. */
  private static long bits(Object box) {
    if (box instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (box instanceof Character c) {
      return c;
    } else if (box instanceof Float f) {
      return Float.floatToRawIntBits(f);
    } else if (box instanceof Double d) {
      return Double.doubleToRawLongBits(d);
    } else if (box instanceof Number n) {
      return n.longValue();
    }
    return String.valueOf(box).hashCode();
  }
}
