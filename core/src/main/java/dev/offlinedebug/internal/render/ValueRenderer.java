package dev.offlinedebug.internal.render;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.CompositeValue;
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
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;
import java.util.List;
import java.util.Map;

/**
 * Renders captured values as small indented trees: scalars and short scalar arrays on the line of
 * their name, objects, collections and maps as a header followed by one line per field, element or
 * entry. Values are drawn to the depth they were captured to; a hand-crafted dump nested deeper
 * than {@link #MAX_DEPTH} is cut, so rendering never overflows the stack.
 *
 * <p>A throwable of the dump's graph ({@link ThrowableValue}) is drawn as an arrow to the block the
 * trace prints it in: {@code -> Caused by: java.io.IOException: reset}, or {@code (logged
 * throwable)} for the logged one; with an index the graph does not have, as its plain text.
 */
final class ValueRenderer {
  static final String STEP = "    ";
  static final int MAX_DEPTH = 32;
  private static final int MAX_INLINE_WIDTH = 72;

  private final Style style;
  private final ThrowableGraph graph;
  private final Map<Integer, CompositeValue> byId;
  private final int maxChars;
  /** The caption of each throwable's block ({@link #captions}); made when a value first needs it. */
  private String[] captions;

  /**
   * @param graph the dump's exception graph, whose blocks {@link ThrowableValue}s point to
   * @param byId the dump's objects, arrays and maps by {@code id}, to name the targets of {@link
   *     RefValue}s
   * @param maxChars no more values are drawn once the text holds this many characters
   */
  ValueRenderer(Style style, ThrowableGraph graph, Map<Integer, CompositeValue> byId, int maxChars) {
    this.style = style;
    this.graph = graph;
    this.byId = byId;
    this.maxChars = maxChars;
  }

  /** Appends {@code label = value} at {@code indent}, followed by the value's children. */
  void render(StringBuilder out, String indent, String label, Value value) {
    render(out, indent, label, value, 0);
  }

  private void render(StringBuilder out, String indent, String label, Value value, int depth) {
    if (out.length() >= maxChars) {
      return;
    }
    out.append(indent).append(label).append(" = ");
    String inline = inline(value);
    if (inline != null) {
      out.append(inline).append('\n');
      return;
    }
    out.append(header(value)).append('\n');
    String childIndent = indent + STEP;
    if (depth >= MAX_DEPTH) {
      out.append(childIndent).append(style.dim("...")).append('\n');
      return;
    }
    if (value instanceof ObjectValue object) {
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        render(out, childIndent, TerminalText.escape(field.getKey()), field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue array) {
      List<Value> elements = array.elements();
      for (int i = 0; i < elements.size(); i++) {
        render(out, childIndent, "[" + i + "]", elements.get(i), depth + 1);
      }
      appendMore(out, childIndent, array.length() - elements.size());
    } else if (value instanceof MapValue map) {
      for (MapValue.Entry entry : map.entries()) {
        String key = inline(entry.key());
        render(out, childIndent, key != null ? "[" + key + "]" : "[" + header(entry.key()) + "]",
            entry.value(), depth + 1);
      }
      appendMore(out, childIndent, map.size() - map.entries().size());
    }
  }

  private void appendMore(StringBuilder out, String indent, int more) {
    if (more > 0) {
      out.append(indent).append(style.dim("... " + more + " more " + marker(OmittedValue.Reason.TRUNCATED)))
          .append('\n');
    }
  }

  /**
   * The value on one line, or {@code null} when it needs a tree: objects always do, arrays and
   * maps when they hold anything but scalars or would be too wide.
   */
  String inline(Value value) {
    if (value instanceof NullValue) {
      return style.cyan("null");
    } else if (value instanceof PrimitiveValue primitive) {
      Object boxed = primitive.value();
      // Escaped whatever it claims to be: only what is printed counts.
      return boxed instanceof Character c
          ? style.green(TerminalText.quote(c))
          : style.cyan(TerminalText.escape(String.valueOf(boxed)));
    } else if (value instanceof StringValue string) {
      String quoted = style.green(TerminalText.quote(string.value()));
      return string.truncated()
          ? quoted + style.dim("... (" + string.length() + " chars) ") + marker(OmittedValue.Reason.TRUNCATED)
          : quoted;
    } else if (value instanceof TextValue text) {
      return plainText(text.text(), text.type());
    } else if (value instanceof ThrowableValue throwable) {
      return throwable(throwable);
    } else if (value instanceof OmittedValue omitted) {
      return marker(omitted.reason())
          + (omitted.type() == null ? "" : style.dim(" (" + shortType(omitted.type()) + ")"));
    } else if (value instanceof RefValue ref) {
      Value target = byId.get(ref.id());
      String type = target == null ? "" : " " + TerminalText.escape(target.type());
      return style.dim("-> #" + ref.id() + type);
    } else if (value instanceof ArrayValue array) {
      return inlineSequence(header(array), array.elements(), array.length() - array.elements().size());
    } else if (value instanceof MapValue map) {
      return inlineMap(map);
    }
    return null;
  }

  /** A value kept as text, with its type unless the text starts with it (a throwable's header line). */
  private String plainText(String text, String type) {
    String shown = style.cyan(TerminalText.escape(text));
    return text.equals(type) || text.startsWith(type + ": ") ? shown : shown + style.dim(" (" + shortType(type) + ")");
  }

  private String throwable(ThrowableValue throwable) {
    if (!isInGraph(throwable)) {
      return plainText(throwable.text(), throwable.type());
    }
    String text = style.red(TerminalText.escape(throwable.text()));
    return throwable.index() == 0
        ? style.dim("-> ") + text + style.dim(" (logged throwable)")
        : style.dim("-> ") + caption(throwable.index()) + text;
  }

  /** Whether {@code throwable} names a throwable the graph has: a damaged dump may name any index. */
  boolean isInGraph(ThrowableValue throwable) {
    return throwable.index() < graph.throwables().size();
  }

  private String caption(int index) {
    if (captions == null) {
      captions = captions(graph);
    }
    String caption = captions[index];
    return caption == null ? "" : caption;
  }

  /**
   * What the trace prints before each throwable's header: {@code "Caused by: "} or {@code
   * "Suppressed: "} as it is to the first throwable (in graph order) that refers to it, a cause
   * before a suppressed one; {@code ""} for the logged throwable.
   */
  private static String[] captions(ThrowableGraph graph) {
    List<ThrowableInfo> all = graph.throwables();
    String[] captions = new String[all.size()];
    captions[0] = "";
    for (ThrowableInfo t : all) {
      if (t.cause() != ThrowableInfo.NO_CAUSE && captions[t.cause()] == null) {
        captions[t.cause()] = "Caused by: ";
      }
      for (int s : t.suppressed()) {
        if (captions[s] == null) {
          captions[s] = "Suppressed: ";
        }
      }
    }
    return captions;
  }

  private String inlineSequence(String header, List<Value> elements, int more) {
    StringBuilder line = new StringBuilder(header).append(" [");
    for (int i = 0; i < elements.size(); i++) {
      String element = scalar(elements.get(i));
      if (element == null) {
        return null;
      }
      line.append(i == 0 ? "" : ", ").append(element);
    }
    if (more > 0) {
      line.append(elements.isEmpty() ? "" : ", ").append("... ").append(more).append(" more");
    }
    line.append(']');
    return visibleWidth(line) <= MAX_INLINE_WIDTH ? line.toString() : null;
  }

  private String inlineMap(MapValue map) {
    StringBuilder line = new StringBuilder(header(map)).append(" {");
    List<MapValue.Entry> entries = map.entries();
    for (int i = 0; i < entries.size(); i++) {
      String key = scalar(entries.get(i).key());
      String value = scalar(entries.get(i).value());
      if (key == null || value == null) {
        return null;
      }
      line.append(i == 0 ? "" : ", ").append(key).append('=').append(value);
    }
    int more = map.size() - entries.size();
    if (more > 0) {
      line.append(entries.isEmpty() ? "" : ", ").append("... ").append(more).append(" more");
    }
    line.append('}');
    return visibleWidth(line) <= MAX_INLINE_WIDTH ? line.toString() : null;
  }

  private String scalar(Value value) {
    return value instanceof ArrayValue || value instanceof MapValue || value instanceof ObjectValue
        ? null
        : inline(value);
  }

  /** The first line of a value that needs a tree: its runtime type and id. */
  String header(Value value) {
    if (value instanceof ArrayValue array) {
      return TerminalText.escape(array.type()) + style.dim(" #" + array.id() + " size " + array.length());
    } else if (value instanceof MapValue map) {
      return TerminalText.escape(map.type()) + style.dim(" #" + map.id() + " size " + map.size());
    } else if (value instanceof ObjectValue object) {
      return TerminalText.escape(object.type()) + style.dim(" #" + object.id());
    }
    return inline(value);
  }

  private String marker(OmittedValue.Reason reason) {
    return style.yellow(reason.marker());
  }

  /** {@code java.lang.String} as {@code String}; other names stay qualified. */
  static String shortType(String type) {
    if (type == null) {
      return "?";
    }
    String escaped = TerminalText.escape(type);
    if (escaped.startsWith("java.lang.") && escaped.indexOf('.', "java.lang.".length()) < 0) {
      return escaped.substring("java.lang.".length());
    }
    return escaped;
  }

  private int visibleWidth(CharSequence text) {
    int width = 0;
    boolean inEscape = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u001b') {
        inEscape = true;
      } else if (inEscape) {
        inEscape = c != 'm';
      } else {
        width++;
      }
    }
    return width;
  }
}
