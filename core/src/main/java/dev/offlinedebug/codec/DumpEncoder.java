package dev.offlinedebug.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.ValueOut;
import net.openhft.chronicle.wire.WireOut;

/**
 * Writes every field of a {@link Dump} but its ID. The body goes to a scratch wire first, collecting
 * names into the string table; the table is then written ahead of it, since readers need it first.
 * Throwables are a flat list (causes are indexes), so a deep cause chain costs no stack.
 */
final class DumpEncoder {
  private final StringTable names = new StringTable();
  private final ValueWriter values = new ValueWriter(names);

  /** Appends the document fields of {@code dump} except {@code id} to {@code out}. */
  void encode(Dump dump, Bytes<?> out) {
    Bytes<byte[]> body = Bytes.allocateElasticOnHeap(1024);
    body(BinaryWire.binaryOnly(body), dump);
    WireOut head = BinaryWire.binaryOnly(out);
    head.write("v").int32(DumpCodec.FORMAT_VERSION);
    head.write("s").sequence(names.strings(), (strings, seq) -> {
      for (int i = 1; i < strings.size(); i++) {
        WireText.write(seq, strings.get(i));
      }
    });
    out.write(body);
    body.releaseLast();
  }

  private void body(WireOut w, Dump dump) {
    w.write("ts").int64(dump.time().getEpochSecond());
    w.write("tn").int32(dump.time().getNano());
    text(w, "h", dump.host());
    w.write("p").int64(dump.pid());
    text(w, "j", dump.jvm());
    text(w, "a", dump.application());
    text(w, "tN", dump.thread().name());
    w.write("tI").int64(dump.thread().id());
    w.write("tD").bool(dump.thread().daemon());
    w.write("tP").int32(dump.thread().priority());
    text(w, "lg", dump.logger());
    text(w, "lv", dump.level());
    text(w, "m", dump.message());
    pairs(w, "md", dump.mdc());
    w.write("mk").sequence(dump.markers(), (markers, seq) -> markers.forEach(m -> WireText.write(seq, m)));
    pairs(w, "at", dump.attributes());
    w.write("lc").bool(dump.localsCaptured());
    w.write("x").sequence(dump.exception().throwables(), (throwables, seq) -> {
      for (ThrowableInfo t : throwables) {
        seq.marshallable(tw -> throwable(tw, t));
      }
    });
  }

  private void throwable(WireOut w, ThrowableInfo t) {
    w.write("t").int32(names.indexOf(t.type()));
    text(w, "m", t.message());
    if (!t.description().equals(defaultDescription(t.type(), t.message()))) {
      text(w, "d", t.description());
    }
    if (t.cause() != ThrowableInfo.NO_CAUSE) {
      w.write("c").int32(t.cause());
    }
    if (!t.suppressed().isEmpty()) {
      w.write("s").sequence(t.suppressed(), (indexes, seq) -> indexes.forEach(seq::int32));
    }
    if (!t.fields().isEmpty()) {
      w.write("o").sequence(t.fields(), (fields, seq) -> {
        for (Map.Entry<String, Value> field : fields.entrySet()) {
          seq.int32(names.indexOf(field.getKey()));
          values.write(seq, field.getValue());
        }
      });
    }
    w.write("f").sequence(t.frames(), (frames, seq) -> {
      for (FrameInfo frame : frames) {
        seq.marshallable(fw -> frame(fw, frame));
      }
    });
  }

  private void frame(WireOut w, FrameInfo f) {
    w.write("c").int32(names.indexOf(f.className()));
    w.write("m").int32(names.indexOf(f.methodName()));
    name(w, "f", f.fileName());
    w.write("l").int32(f.line());
    name(w, "M", f.moduleName());
    name(w, "V", f.moduleVersion());
    name(w, "L", f.classLoaderName());
    if (f.localsCaptured()) {
      w.write("k").bool(true);
      w.write("v").sequence(f.locals(), this::locals);
    }
  }

  private void locals(List<LocalVariable> locals, ValueOut seq) {
    for (LocalVariable local : locals) {
      seq.marshallable(lw -> {
        lw.write("n").int32(names.indexOf(local.name()));
        lw.write("t").int32(names.indexOf(local.type()));
        values.write(lw.write("v"), local.value());
      });
    }
  }

  private void name(WireOut w, String field, String name) {
    if (name != null) {
      w.write(field).int32(names.indexOf(name));
    }
  }

  private static void text(WireOut w, String field, String text) {
    if (text != null) {
      WireText.write(w.write(field), text);
    }
  }

  private static void pairs(WireOut w, String field, Map<String, String> map) {
    if (!map.isEmpty()) {
      w.write(field).sequence(map, (m, seq) -> m.forEach((k, v) -> {
        WireText.write(seq, k);
        WireText.write(seq, v);
      }));
    }
  }

  /** What {@code Throwable.toString()} prints unless the class overrides it. */
  static String defaultDescription(String type, String message) {
    return message == null ? type : type + ": " + message;
  }
}
