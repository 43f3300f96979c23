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
import net.openhft.chronicle.wire.WireOut;

/**
 * Writes every field of a {@link Dump} but its ID. The body goes to a scratch wire first, collecting
 * names into the string table; the table is then written ahead of it, since readers need it first.
 * Throwables are a flat list (causes are indexes), so a deep cause chain costs no stack.
 */
final class DumpEncoder {
  private final StringTable names = new StringTable();
  private final ValueWriter values = new ValueWriter(names);

  /**
   * Appends the document fields of {@code dump} except {@code id} to {@code out}, using {@code
   * body} (cleared first) as the scratch space for everything after the string table.
   */
  void encode(Dump dump, Bytes<?> out, Bytes<?> body) {
    body.clear();
    body(BinaryWire.binaryOnly(body), dump);
    WireOut head = BinaryWire.binaryOnly(out);
    head.write("v").int32(DumpCodec.FORMAT_VERSION);
    head.write("s").sequence(names.strings(), (strings, seq) -> {
      for (int i = 1; i < strings.size(); i++) {
        WireText.write(seq, strings.get(i));
      }
    });
    out.write(body);
  }

  private void body(WireOut w, Dump dump) {
    w.write("ts").int64(dump.time().getEpochSecond());
    SmallInts.write(w.write("tn"), dump.time().getNano());
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
    if (!dump.markers().isEmpty()) {
      w.write("mk").sequence(dump.markers(), (markers, seq) -> markers.forEach(m -> WireText.write(seq, m)));
    }
    pairs(w, "at", dump.attributes());
    w.write("lc").bool(dump.localsCaptured());
    List<ThrowableInfo> throwables = dump.exception().throwables();
    int[] enclosing = enclosing(throwables);
    w.write("x").sequence(throwables, (list, seq) -> {
      for (int i = 0; i < list.size(); i++) {
        ThrowableInfo t = list.get(i);
        List<FrameInfo> outer = enclosing[i] < 0 ? List.of() : list.get(enclosing[i]).frames();
        int shared = commonTail(t.frames(), outer);
        int parent = enclosing[i];
        seq.marshallable(tw -> throwable(tw, t, parent, shared));
      }
    });
  }

  /**
   * For each throwable, the earlier one it is printed under (whose cause or suppressed it is), or
   * {@code -1}. Its frames in common with that one are not repeated, as {@code printStackTrace}
   * prints {@code "... n more"} instead of them.
   */
  private static int[] enclosing(List<ThrowableInfo> throwables) {
    int[] enclosing = new int[throwables.size()];
    java.util.Arrays.fill(enclosing, -1);
    for (int j = 0; j < throwables.size(); j++) {
      ThrowableInfo t = throwables.get(j);
      if (t.cause() > j && enclosing[t.cause()] < 0) {
        enclosing[t.cause()] = j;
      }
      for (int s : t.suppressed()) {
        if (s > j && enclosing[s] < 0) {
          enclosing[s] = j;
        }
      }
    }
    return enclosing;
  }

  private static int commonTail(List<FrameInfo> frames, List<FrameInfo> outer) {
    int m = frames.size() - 1;
    int n = outer.size() - 1;
    while (m >= 0 && n >= 0 && frames.get(m).equals(outer.get(n))) {
      m--;
      n--;
    }
    return frames.size() - 1 - m;
  }

  private void throwable(WireOut w, ThrowableInfo t, int enclosing, int shared) {
    SmallInts.write(w.write("t"), names.indexOf(t.type()));
    text(w, "m", t.message());
    if (!t.description().equals(defaultDescription(t.type(), t.message()))) {
      text(w, "d", t.description());
    }
    if (t.cause() != ThrowableInfo.NO_CAUSE) {
      SmallInts.write(w.write("c"), t.cause());
    }
    if (!t.suppressed().isEmpty()) {
      w.write("s").sequence(t.suppressed(), (indexes, seq) -> indexes.forEach(i -> SmallInts.write(seq, i)));
    }
    if (!t.fields().isEmpty()) {
      w.write("o").sequence(t.fields(), (fields, seq) -> {
        for (Map.Entry<String, Value> field : fields.entrySet()) {
          SmallInts.write(seq, names.indexOf(field.getKey()));
          values.write(seq, field.getValue());
        }
      });
    }
    List<FrameInfo> own = t.frames().subList(0, t.frames().size() - shared);
    frames(w, own);
    if (shared > 0) {
      SmallInts.write(w.write("fp"), enclosing);
      SmallInts.write(w.write("fs"), shared);
    }
  }

  /**
   * Frames as 4 ints each (class, method, file, line); module and class loader names only for the
   * frames that have them ({@code fm}), locals only for the frames that captured them ({@code fv}).
   */
  private void frames(WireOut w, List<FrameInfo> frames) {
    w.write("f").sequence(frames, (list, seq) -> {
      for (FrameInfo f : list) {
        SmallInts.write(seq, names.indexOf(f.className()));
        SmallInts.write(seq, names.indexOf(f.methodName()));
        SmallInts.write(seq, names.indexOf(f.fileName()));
        SmallInts.write(seq, f.line());
      }
    });
    if (frames.stream().anyMatch(f -> f.moduleName() != null || f.moduleVersion() != null || f.classLoaderName() != null)) {
      w.write("fm").sequence(frames, (list, seq) -> {
        for (int i = 0; i < list.size(); i++) {
          FrameInfo f = list.get(i);
          if (f.moduleName() != null || f.moduleVersion() != null || f.classLoaderName() != null) {
            SmallInts.write(seq, i);
            SmallInts.write(seq, names.indexOf(f.moduleName()));
            SmallInts.write(seq, names.indexOf(f.moduleVersion()));
            SmallInts.write(seq, names.indexOf(f.classLoaderName()));
          }
        }
      });
    }
    if (frames.stream().anyMatch(FrameInfo::localsCaptured)) {
      w.write("fv").sequence(frames, (list, seq) -> {
        for (int i = 0; i < list.size(); i++) {
          FrameInfo f = list.get(i);
          if (f.localsCaptured()) {
            SmallInts.write(seq, i);
            SmallInts.write(seq, f.locals().size());
            for (LocalVariable local : f.locals()) {
              SmallInts.write(seq, names.indexOf(local.name()));
              SmallInts.write(seq, names.indexOf(local.type()));
              values.write(seq, local.value());
            }
          }
        }
      });
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
