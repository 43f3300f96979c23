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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.WireIn;

/** Reads what {@link ValueWriter} wrote. Lists grow per element read, never from a length field. */
final class ValueReader {
  private final List<String> names;

  ValueReader(List<String> names) {
    this.names = names;
  }

  Value read(ValueIn in) {
    return read(in, 0);
  }

  private Value read(ValueIn in, int depth) {
    if (depth >= ValueKind.MAX_NESTING) {
      throw new IllegalStateException("values nested deeper than " + ValueKind.MAX_NESTING);
    }
    Fields fields = new Fields();
    if (!in.marshallable(w -> readFields(w, fields, depth))) {
      throw new IllegalStateException("expected a value");
    }
    return fields.toValue();
  }

  private void readFields(WireIn wire, Fields f, int depth) {
    WireFields.read(wire, (name, in) -> {
      switch (name) {
        case "k" -> f.kind = in.int32();
        case "t" -> f.type = StringTable.lookup(names, in.int32());
        case "b" -> f.box = in.int32();
        case "v" -> f.raw = f.kind == ValueKind.PRIMITIVE ? primitive(in, f.box) : WireText.read(in);
        case "l" -> f.length = in.int32();
        case "i" -> f.id = in.int32();
        case "r" -> f.reason = reason(in.int32());
        case "f" -> in.sequence(f, (target, seq) -> {
          while (seq.hasNextSequenceItem()) {
            String fieldName = StringTable.lookup(names, seq.int32());
            target.fields.put(fieldName, read(seq, depth + 1));
          }
        });
        case "e" -> in.sequence(f, (target, seq) -> {
          while (seq.hasNextSequenceItem()) {
            target.elements.add(read(seq, depth + 1));
          }
        });
        default -> {
          return false;
        }
      }
      return true;
    });
  }

  private static Object primitive(ValueIn in, int box) {
    return switch (box) {
      case ValueKind.BOOLEAN -> in.bool();
      case ValueKind.BYTE -> (byte) in.int32();
      case ValueKind.SHORT -> (short) in.int32();
      case ValueKind.CHAR -> (char) in.int32();
      case ValueKind.INT -> in.int32();
      case ValueKind.LONG -> in.int64();
      case ValueKind.FLOAT -> Float.intBitsToFloat(in.int32());
      case ValueKind.DOUBLE -> Double.longBitsToDouble(in.int64());
      case ValueKind.UNKNOWN_BOX -> WireText.read(in);
      default -> throw new IllegalStateException("unknown primitive box " + box);
    };
  }

  private static OmittedValue.Reason reason(int ordinal) {
    OmittedValue.Reason[] reasons = OmittedValue.Reason.values();
    if (ordinal < 0 || ordinal >= reasons.length) {
      throw new IllegalStateException("unknown omission reason " + ordinal);
    }
    return reasons[ordinal];
  }

  /** The fields of one value as read, in whatever order they came. */
  private static final class Fields {
    int kind = -1;
    String type;
    int box = ValueKind.INT;
    Object raw;
    int length = -1;
    int id;
    OmittedValue.Reason reason;
    final Map<String, Value> fields = new LinkedHashMap<>();
    final List<Value> elements = new ArrayList<>();

    Value toValue() {
      return switch (kind) {
        case ValueKind.NULL -> NullValue.INSTANCE;
        case ValueKind.PRIMITIVE -> new PrimitiveValue(type, raw);
        case ValueKind.STRING -> {
          String s = (String) raw;
          yield new StringValue(s, length < 0 ? s.length() : length);
        }
        case ValueKind.TEXT -> new TextValue(type, (String) raw);
        case ValueKind.OBJECT -> new ObjectValue(id, type, fields);
        case ValueKind.ARRAY -> new ArrayValue(id, type, elements, length);
        case ValueKind.MAP -> new MapValue(id, type, entries(), length);
        case ValueKind.REF -> new RefValue(id);
        case ValueKind.OMITTED -> new OmittedValue(reason, type);
        default -> throw new IllegalStateException("unknown value kind " + kind);
      };
    }

    private List<MapValue.Entry> entries() {
      if (elements.size() % 2 != 0) {
        throw new IllegalStateException("map entries hold " + elements.size() + " keys and values");
      }
      List<MapValue.Entry> entries = new ArrayList<>();
      for (int i = 0; i < elements.size(); i += 2) {
        entries.add(new MapValue.Entry(elements.get(i), elements.get(i + 1)));
      }
      return entries;
    }
  }
}
