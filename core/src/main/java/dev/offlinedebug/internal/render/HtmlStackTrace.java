package dev.offlinedebug.internal.render;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.DumpRenderer;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A dump's exception graph as HTML laid out like {@link StackTraceRenderer}'s text ({@code Caused
 * by:}, {@code Suppressed:}, {@code ... n more}, circular references), where a frame that carries
 * locals is a {@code <details>} unfolding to them. Like the text, it stops drawing frames and
 * throwables once the page holds {@link DumpRenderer#MAX_CHARS} characters.
 */
final class HtmlStackTrace {
  /** As in {@link StackTraceRenderer}: a graph is finite but may be long. */
  private static final int MAX_NESTING = 64;

  private final HtmlValues values;

  HtmlStackTrace(HtmlValues values) {
    this.values = values;
  }

  void render(StringBuilder out, ThrowableGraph graph) {
    BitSet seen = new BitSet();
    seen.set(0);
    ThrowableInfo root = graph.root();
    out.append("<div class=\"trace\">\n");
    header(out, "", 0, root);
    frames(out, root.frames(), root.frames().size());
    nested(out, graph, root, seen, 0);
    out.append("</div>\n");
  }

  private void nested(StringBuilder out, ThrowableGraph graph, ThrowableInfo owner, BitSet seen, int nesting) {
    for (int index : owner.suppressed()) {
      if (out.length() >= DumpRenderer.MAX_CHARS) {
        return; // not even the wrapper: a crafted owner may list many thousands
      }
      out.append("<div class=\"suppressed\">\n");
      enclosed(out, graph, index, owner, "Suppressed: ", seen, nesting);
      out.append("</div>\n");
    }
    if (owner.cause() != ThrowableInfo.NO_CAUSE) {
      enclosed(out, graph, owner.cause(), owner, "Caused by: ", seen, nesting);
    }
  }

  private void enclosed(
      StringBuilder out, ThrowableGraph graph, int index, ThrowableInfo enclosing, String caption, BitSet seen,
      int nesting) {
    if (out.length() >= DumpRenderer.MAX_CHARS) {
      return;
    }
    ThrowableInfo throwable = graph.get(index);
    if (seen.get(index)) {
      out.append("<div class=\"exc\">").append(caption).append("[CIRCULAR REFERENCE: ")
          .append(HtmlText.escapeKeepingLines(throwable.description())).append("]</div>\n");
      return;
    }
    if (nesting >= MAX_NESTING) {
      out.append("<div class=\"exc\">").append(caption).append("...</div>\n");
      return;
    }
    seen.set(index);
    header(out, caption, index, throwable);
    List<FrameInfo> frames = throwable.frames();
    int shown = frames.size() - StackTraceRenderer.framesInCommon(frames, enclosing.frames());
    frames(out, frames, shown);
    if (shown < frames.size()) {
      out.append("<div class=\"frame dim\">... ").append(frames.size() - shown).append(" more</div>\n");
    }
    nested(out, graph, throwable, seen, nesting + 1);
  }

  /** The header of the throwable at {@code index}, drawn once: the target of links to it. */
  private void header(StringBuilder out, String caption, int index, ThrowableInfo throwable) {
    out.append("<div class=\"exc\" id=\"").append(values.throwableAnchor(index)).append("\">").append(caption).append("<span class=\"desc\">")
        .append(HtmlText.escapeKeepingLines(throwable.description())).append("</span></div>\n");
    if (!throwable.fields().isEmpty()) {
      out.append("<div class=\"fields\">\n");
      for (Map.Entry<String, Value> field : throwable.fields().entrySet()) {
        values.render(out, "<span class=\"dim\">field</span> " + HtmlText.escape(field.getKey()), field.getValue());
      }
      out.append("</div>\n");
    }
  }

  private void frames(StringBuilder out, List<FrameInfo> frames, int count) {
    for (int i = 0; i < count && out.length() < DumpRenderer.MAX_CHARS; i++) {
      FrameInfo frame = frames.get(i);
      String at = "at " + HtmlText.escape(FrameText.of(frame));
      if (frame.locals().isEmpty()) {
        out.append("<div class=\"frame\">").append(at).append("</div>\n");
        continue;
      }
      out.append("<details class=\"frame\"><summary>").append(at)
          .append(" <span class=\"dim\">(").append(frame.locals().size())
          .append(frame.locals().size() == 1 ? " local" : " locals").append(")</span></summary>\n")
          .append("<div class=\"locals\">\n");
      for (LocalVariable local : frame.locals()) {
        values.render(out, "<b>" + HtmlText.escape(local.name()) + "</b>", local.value());
      }
      out.append("</div></details>\n");
    }
  }
}
