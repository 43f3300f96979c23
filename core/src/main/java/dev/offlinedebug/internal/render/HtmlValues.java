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
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Captured values as HTML that unfolds level by level: a scalar, or a short scalar array or map,
 * on the line of its name; an object, collection or map as a closed {@code <details>} whose summary
 * is its type and id. The text of every value is what {@link ValueRenderer} prints for {@code show}
 * (uncoloured), so terminal and page agree. A back-reference links to the value's first occurrence,
 * which carries the anchor {@code v-ID}, and a throwable of the graph links to the header of its
 * block in the trace, anchor {@code x-INDEX} ({@link #throwableAnchor}). No value is drawn once the
 * page holds {@link DumpRenderer#MAX_CHARS} characters.
 */
final class HtmlValues {
  private final ValueRenderer text;
  private final Map<Integer, CompositeValue> byId;
  /** The page-wide prefix of anchors, so that several dumps on one page keep apart. */
  private final String anchorPrefix;
  private final Set<Integer> anchored = new HashSet<>();

  /** @param anchorPrefix the dump's prefix of anchors on the page */
  HtmlValues(ThrowableGraph graph, String anchorPrefix) {
    this.byId = graph.valuesById();
    this.text = new ValueRenderer(Style.PLAIN, graph, byId, DumpRenderer.MAX_CHARS);
    this.anchorPrefix = anchorPrefix;
  }

  /** The anchor of the header of the throwable at {@code index} of the graph. */
  String throwableAnchor(int index) {
    return anchorPrefix + "x" + index;
  }

  /** Appends {@code labelHtml = value}; {@code labelHtml} is already escaped markup. */
  void render(StringBuilder out, String labelHtml, Value value) {
    render(out, labelHtml, value, 0);
  }

  private void render(StringBuilder out, String labelHtml, Value value, int depth) {
    if (out.length() >= DumpRenderer.MAX_CHARS) {
      return;
    }
    String inline = text.inline(value);
    if (inline != null) {
      out.append("<div class=\"v\"").append(anchor(value)).append('>');
      label(out, labelHtml);
      scalar(out, value, inline);
      out.append("</div>\n");
      return;
    }
    out.append("<details class=\"v\"").append(anchor(value)).append("><summary>");
    label(out, labelHtml);
    out.append("<span class=\"type\">").append(HtmlText.entities(text.header(value))).append("</span></summary>\n");
    out.append("<div class=\"kids\">\n");
    if (depth >= ValueRenderer.MAX_DEPTH) {
      out.append("<div class=\"v dim\">...</div>\n");
    } else if (value instanceof ObjectValue object) {
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        render(out, HtmlText.escape(field.getKey()), field.getValue(), depth + 1);
      }
    } else if (value instanceof ArrayValue array) {
      List<Value> elements = array.elements();
      for (int i = 0; i < elements.size(); i++) {
        render(out, "[" + i + "]", elements.get(i), depth + 1);
      }
      more(out, array.length() - elements.size());
    } else if (value instanceof MapValue map) {
      for (MapValue.Entry entry : map.entries()) {
        String key = text.inline(entry.key());
        render(out, "[" + HtmlText.entities(key != null ? key : text.header(entry.key())) + "]", entry.value(),
            depth + 1);
      }
      more(out, map.size() - map.entries().size());
    }
    out.append("</div></details>\n");
  }

  private static void label(StringBuilder out, String labelHtml) {
    out.append("<span class=\"k\">").append(labelHtml).append("</span> = ");
  }

  private void scalar(StringBuilder out, Value value, String inline) {
    String escaped = HtmlText.entities(inline);
    if (value instanceof RefValue ref && byId.containsKey(ref.id())) {
      link(out, anchorPrefix + "v" + ref.id(), escaped);
      return;
    }
    if (value instanceof ThrowableValue throwable && text.isInGraph(throwable)) {
      link(out, throwableAnchor(throwable.index()), escaped);
      return;
    }
    String kind;
    if (value instanceof OmittedValue) {
      kind = "marker";
    } else if (value instanceof StringValue string) {
      kind = string.truncated() ? "str cut" : "str";
    } else if (value instanceof PrimitiveValue || value instanceof NullValue) {
      kind = "num";
    } else if (value instanceof RefValue) {
      kind = "dim";
    } else {
      kind = "txt";
    }
    out.append("<span class=\"").append(kind).append("\">").append(escaped).append("</span>");
  }

  private static void link(StringBuilder out, String anchor, String html) {
    out.append("<a class=\"ref\" href=\"#").append(anchor).append("\">").append(html).append("</a>");
  }

  private static void more(StringBuilder out, int more) {
    if (more > 0) {
      out.append("<div class=\"v dim\">... ").append(more).append(" more <span class=\"marker\">")
          .append(HtmlText.entities(OmittedValue.Reason.TRUNCATED.marker())).append("</span></div>\n");
    }
  }

  /** The {@code id} attribute of a value's first occurrence; a repeated id (a damaged dump) gets none. */
  private String anchor(Value value) {
    int id;
    if (value instanceof ObjectValue object) {
      id = object.id();
    } else if (value instanceof ArrayValue array) {
      id = array.id();
    } else if (value instanceof MapValue map) {
      id = map.id();
    } else {
      return "";
    }
    return anchored.add(id) ? " id=\"" + anchorPrefix + "v" + id + "\"" : "";
  }
}
