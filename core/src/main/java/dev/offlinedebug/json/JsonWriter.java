package dev.offlinedebug.json;

import static dev.offlinedebug.json.JsonText.quote;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.RefValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes one dump as JSON without recursion: pending output is a stack of items (literal text, a
 * value, a throwable of the graph, the rest of a frame list), and expanding one pushes its parts. So
 * a cause chain 10,000 deep or deeply nested values need no Java stack. Not thread-safe; one per
 * export.
 *
 * <p>Output is bounded: once {@code maxChars} are written, every value, throwable and rest of a frame
 * list still pending is written as {@code "<truncated>"}, and only the brackets that close what is
 * open follow, so the document stays valid. Frames shared between throwables are written with each
 * of them, which a crafted record could otherwise turn into gigabytes.
 */
final class JsonWriter {
  /** Characters written before the rest is cut: far above any dump the writer keeps. */
  static final long MAX_CHARS = 64L << 20;

  private static final String TRUNCATED = quote(OmittedValue.Reason.TRUNCATED.marker());

  /** A throwable of the graph still to be written, by index. */
  private record PendingThrowable(int index) {}

  /** The frames of a throwable from {@code from} on, still to be written. */
  private record PendingFrames(List<FrameInfo> frames, int from) {}

  private final Appendable out;
  private final ThrowableGraph graph;
  private final boolean[] written;
  private final Deque<Object> pending = new ArrayDeque<>();
  private long charsLeft;

  JsonWriter(Appendable out, ThrowableGraph graph) {
    this(out, graph, MAX_CHARS);
  }

  JsonWriter(Appendable out, ThrowableGraph graph, long maxChars) {
    this.out = out;
    this.graph = graph;
    this.written = new boolean[graph.throwables().size()];
    this.charsLeft = maxChars;
  }

  void write(Dump dump) throws IOException {
    List<Object> items = new ArrayList<>();
    StringBuilder head = new StringBuilder(256);
    head.append("{\"id\":").append(quote(dump.id()))
        .append(",\"time\":").append(quote(dump.time().toString()))
        .append(",\"host\":").append(quote(dump.host()))
        .append(",\"pid\":").append(dump.pid())
        .append(",\"jvm\":").append(quote(dump.jvm()))
        .append(",\"application\":").append(quote(dump.application()))
        .append(",\"thread\":{\"name\":").append(quote(dump.thread().name()))
        .append(",\"id\":").append(dump.thread().id())
        .append(",\"daemon\":").append(dump.thread().daemon())
        .append(",\"priority\":").append(dump.thread().priority())
        .append("},\"logger\":").append(quote(dump.logger()))
        .append(",\"level\":").append(quote(dump.level()))
        .append(",\"message\":").append(quote(dump.message()))
        .append(",\"mdc\":");
    appendStrings(head, dump.mdc());
    head.append(",\"markers\":[");
    for (int i = 0; i < dump.markers().size(); i++) {
      head.append(i == 0 ? "" : ",").append(quote(dump.markers().get(i)));
    }
    head.append("],\"attributes\":");
    appendStrings(head, dump.attributes());
    head.append(",\"locals_captured\":").append(dump.localsCaptured()).append(",\"exception\":");
    items.add(head.toString());
    items.add(new PendingThrowable(0));
    items.add("}");
    push(items);
    drain();
  }

  private static void appendStrings(StringBuilder out, Map<String, String> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
      first = false;
    }
    out.append('}');
  }

  private void push(List<Object> items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      pending.push(items.get(i));
    }
  }

  private void drain() throws IOException {
    while (!pending.isEmpty()) {
      Object item = pending.pop();
      if (item instanceof String text) {
        emit(text);
      } else if (charsLeft <= 0) {
        emitTruncated(item);
      } else if (item instanceof PendingThrowable t) {
        expandThrowable(t.index());
      } else if (item instanceof PendingFrames f) {
        expandFrame(f);
      } else {
        expandValue((Value) item);
      }
    }
  }

  private void emit(String text) throws IOException {
    out.append(text);
    charsLeft -= text.length();
  }

  /** What stands for a pending item once the output budget is spent. */
  private void emitTruncated(Object item) throws IOException {
    if (item instanceof PendingFrames f) {
      if (f.from() < f.frames().size()) {
        out.append(f.from() == 0 ? TRUNCATED : "," + TRUNCATED);
      }
    } else {
      out.append(TRUNCATED);
    }
  }

  /**
   * A throwable's object; a throwable met again (shared, or a cycle through causes) is written as
   * {@code {"ref":index}} naming the {@code index} of its first occurrence.
   */
  private void expandThrowable(int index) throws IOException {
    if (written[index]) {
      emit("{\"ref\":" + index + "}");
      return;
    }
    written[index] = true;
    ThrowableInfo t = graph.get(index);
    List<Object> items = new ArrayList<>();
    items.add("{\"index\":" + index
        + ",\"type\":" + quote(t.type())
        + ",\"message\":" + quote(t.message())
        + ",\"description\":" + quote(t.description())
        + ",\"fields\":{");
    addFields(items, t.fields());
    items.add("},\"frames\":[");
    items.add(new PendingFrames(t.frames(), 0));
    items.add("],\"cause\":");
    items.add(t.cause() == ThrowableInfo.NO_CAUSE ? "null" : new PendingThrowable(t.cause()));
    items.add(",\"suppressed\":[");
    for (int s = 0; s < t.suppressed().size(); s++) {
      if (s > 0) {
        items.add(",");
      }
      items.add(new PendingThrowable(t.suppressed().get(s)));
    }
    items.add("]}");
    push(items);
  }

  /** The next frame of {@code rest}, then the frames after it. */
  private void expandFrame(PendingFrames rest) {
    if (rest.from() >= rest.frames().size()) {
      return;
    }
    List<Object> items = new ArrayList<>();
    addFrame(items, rest.frames().get(rest.from()), rest.from() == 0 ? "" : ",");
    items.add(new PendingFrames(rest.frames(), rest.from() + 1));
    push(items);
  }

  private static void addFrame(List<Object> items, FrameInfo frame, String separator) {
    items.add(separator
        + "{\"class\":" + quote(frame.className())
        + ",\"method\":" + quote(frame.methodName())
        + ",\"file\":" + quote(frame.fileName())
        + ",\"line\":" + frame.line()
        + ",\"module\":" + quote(frame.moduleName())
        + ",\"module_version\":" + quote(frame.moduleVersion())
        + ",\"class_loader\":" + quote(frame.classLoaderName())
        + ",\"locals_captured\":" + frame.localsCaptured()
        + ",\"locals\":[");
    for (int i = 0; i < frame.locals().size(); i++) {
      LocalVariable local = frame.locals().get(i);
      items.add((i == 0 ? "" : ",")
          + "{\"name\":" + quote(local.name()) + ",\"type\":" + quote(local.type()) + ",\"value\":");
      items.add(local.value());
      items.add("}");
    }
    items.add("]}");
  }

  private static void addFields(List<Object> items, Map<String, Value> fields) {
    String separator = "";
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      items.add(separator + quote(e.getKey()) + ":");
      items.add(e.getValue());
      separator = ",";
    }
  }

  private void expandValue(Value value) throws IOException {
    if (value instanceof NullValue) {
      emit("null");
    } else if (value instanceof PrimitiveValue p) {
      emit(primitive(p.value()));
    } else if (value instanceof StringValue s) {
      emit(quote(s.value()));
    } else if (value instanceof TextValue t) {
      emit(text(t.type(), t.text()) + "}");
    } else if (value instanceof ThrowableValue t) {
      // An index the graph does not have (a damaged dump) leaves a plain text value.
      boolean inGraph = t.index() < graph.throwables().size();
      emit(text(t.type(), t.text()) + (inGraph ? ",\"throwable\":" + t.index() : "") + "}");
    } else if (value instanceof RefValue r) {
      emit("{\"ref\":" + r.id() + "}");
    } else if (value instanceof OmittedValue o) {
      emit(quote(o.reason().marker()));
    } else if (value instanceof ObjectValue o) {
      List<Object> items = new ArrayList<>();
      items.add(containerHead(o.type(), o.id()) + ",\"fields\":{");
      addFields(items, o.fields());
      items.add("}}");
      push(items);
    } else if (value instanceof ArrayValue a) {
      List<Object> items = new ArrayList<>();
      items.add(containerHead(a.type(), a.id()) + ",\"length\":" + a.length() + ",\"elements\":[");
      for (int i = 0; i < a.elements().size(); i++) {
        if (i > 0) {
          items.add(",");
        }
        items.add(a.elements().get(i));
      }
      items.add("]}");
      push(items);
    } else if (value instanceof MapValue m) {
      List<Object> items = new ArrayList<>();
      items.add(containerHead(m.type(), m.id()) + ",\"size\":" + m.size() + ",\"entries\":[");
      for (int i = 0; i < m.entries().size(); i++) {
        items.add(i == 0 ? "[" : ",[");
        items.add(m.entries().get(i).key());
        items.add(",");
        items.add(m.entries().get(i).value());
        items.add("]");
      }
      items.add("]}");
      push(items);
    }
  }

  /** The opening of a text value's object, up to its {@code value}. */
  private static String text(String type, String text) {
    return "{\"type\":" + quote(type) + ",\"value\":" + quote(text);
  }

  private static String containerHead(String type, int id) {
    return "{\"type\":" + quote(type) + ",\"id\":" + id;
  }

  /**
   * A JSON scalar. Only what prints as a JSON number or literal goes unquoted, whatever the value
   * claims to be; JSON has no NaN or infinities, so those become strings.
   */
  private static String primitive(Object boxed) {
    if (boxed instanceof Boolean || boxed instanceof Byte || boxed instanceof Short || boxed instanceof Integer
        || boxed instanceof Long
        || (boxed instanceof Double d && Double.isFinite(d))
        || (boxed instanceof Float f && Float.isFinite(f))) {
      return boxed.toString();
    }
    return quote(String.valueOf(boxed));
  }
}
