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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.wire.ValueIn;

/**
 * Reads what {@link ValueWriter} wrote. Counts in the input only bound loops that stop at the end
 * of the sequence; nothing is allocated from a count, so a lying count is an error, not an
 * allocation. Every value read is charged to the record's {@link DecodeBudget}.
 *
 * <p>A text value named in the record's {@link WireSchema#THROWABLE_LINKS} is a {@link
 * ThrowableValue}. Its index is not checked against the graph here (an occurrence's values point
 * into its first dump's): whoever resolves it checks it.
 */
final class ValueReader {
  private final List<String> names;
  private final DecodeBudget budget;
  /** Graph index by ordinal of the text value that holds it. */
  private final Map<Integer, Integer> links = new HashMap<>();
  /** Text values read so far in the record. */
  private int texts;

  ValueReader(List<String> names, DecodeBudget budget) {
    this.names = names;
    this.budget = budget;
  }

  Value read(ValueIn in) {
    return read(in, 0);
  }

  /** Reads one {@link WireSchema#THROWABLE_LINKS} sequence: ordinal and index pairs. */
  void links(ValueIn in) {
    in.sequence(links, (map, seq) -> WireFields.items(seq, item -> {
      int ordinal = item.int32();
      int index = next(item).int32();
      budget.charge(DecodeBudget.OBJECT);
      // A negative index names no throwable: that text value stays text.
      if (index >= 0) {
        map.put(ordinal, index);
      }
    }));
  }

  private Value read(ValueIn in, int depth) {
    if (depth >= ValueKind.MAX_NESTING) {
      throw new IllegalStateException("values nested deeper than " + ValueKind.MAX_NESTING);
    }
    int kind = next(in).int32();
    budget.charge(DecodeBudget.OBJECT);
    return switch (kind) {
      case ValueKind.NULL -> NullValue.INSTANCE;
      case ValueKind.PRIMITIVE -> primitive(name(in), in);
      case ValueKind.STRING -> {
        String s = text(next(in));
        yield new StringValue(s, s.length() + next(in).int32());
      }
      case ValueKind.TEXT -> {
        String type = name(in);
        String text = text(next(in));
        Integer throwable = links.isEmpty() ? null : links.get(texts);
        texts++;
        yield throwable == null ? new TextValue(type, text) : new ThrowableValue(type, text, throwable);
      }
      case ValueKind.OBJECT -> {
        int id = next(in).int32();
        String type = name(in);
        int count = next(in).int32();
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          String field = name(in);
          budget.charge(DecodeBudget.OBJECT);
          fields.put(field, read(in, depth + 1));
        }
        yield new ObjectValue(id, type, fields);
      }
      case ValueKind.ARRAY -> {
        int id = next(in).int32();
        String type = name(in);
        int length = next(in).int32();
        int count = next(in).int32();
        List<Value> elements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          budget.charge(2 * DecodeBudget.REFERENCE);
          elements.add(read(in, depth + 1));
        }
        yield new ArrayValue(id, type, elements, length);
      }
      case ValueKind.MAP -> {
        int id = next(in).int32();
        String type = name(in);
        int size = next(in).int32();
        int count = next(in).int32();
        List<MapValue.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Value key = read(in, depth + 1);
          budget.charge(DecodeBudget.OBJECT);
          entries.add(new MapValue.Entry(key, read(in, depth + 1)));
        }
        yield new MapValue(id, type, entries, size);
      }
      case ValueKind.REF -> new RefValue(next(in).int32());
      case ValueKind.OMITTED -> {
        OmittedValue.Reason reason = reason(next(in).int32());
        yield new OmittedValue(reason, name(in));
      }
      default -> throw new IllegalStateException("unknown value kind " + kind);
    };
  }

  /** {@code in}, after checking the sequence has another item: a count may lie. */
  static ValueIn next(ValueIn in) {
    if (!in.hasNextSequenceItem()) {
      throw new IllegalStateException("sequence ends inside a value");
    }
    return in;
  }

  private String name(ValueIn in) {
    return StringTable.lookup(names, next(in).int32());
  }

  private String text(ValueIn in) {
    return budget.text(WireText.read(in));
  }

  /**
   * A primitive, or a {@link TextValue} for a box the model does not know: its text is text, to be
   * quoted and escaped wherever it is shown, never a number printed raw.
   */
  private Value primitive(String type, ValueIn in) {
    int box = next(in).int32();
    if (box == ValueKind.UNKNOWN_BOX) {
      return new TextValue(type, text(next(in)));
    }
    return new PrimitiveValue(type, primitive(in, box));
  }

  private static Object primitive(ValueIn in, int box) {
    return switch (box) {
      case ValueKind.BOOLEAN -> next(in).bool();
      case ValueKind.BYTE -> (byte) next(in).int32();
      case ValueKind.SHORT -> (short) next(in).int32();
      case ValueKind.CHAR -> (char) next(in).int32();
      case ValueKind.INT -> next(in).int32();
      case ValueKind.LONG -> next(in).int64();
      case ValueKind.FLOAT -> Float.intBitsToFloat(next(in).int32());
      case ValueKind.DOUBLE -> Double.longBitsToDouble(next(in).int64());
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
}
