package dev.offlinedebug.internal.render;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.spi.TerminalText;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Renders a dump's exception graph the way {@code Throwable.printStackTrace} prints a live one
 * (header, {@code at} lines, {@code Suppressed:}, {@code Caused by:}, {@code ... n more}), with each
 * frame's captured locals indented under its {@code at} line.
 */
public final class StackTraceRenderer {
  /** Nesting of causes and suppressed throwables drawn at most; a graph is finite but may be long. */
  private static final int MAX_NESTING = 64;
  /** Where continuation lines of a multi-line message start: never at a tab, where frames start. */
  private static final String CONTINUATION_INDENT = "  ";

  private final Style style;
  private final ThrowableGraph graph;
  private final ValueRenderer values;
  private final int maxChars;

  /** Stops drawing frames, values and throwables once the text holds {@code maxChars}. */
  public StackTraceRenderer(Style style, ThrowableGraph graph, int maxChars) {
    this.style = style;
    this.graph = graph;
    this.values = new ValueRenderer(style, graph, graph.valuesById(), maxChars);
    this.maxChars = maxChars;
  }

  public void render(StringBuilder out) {
    BitSet seen = new BitSet();
    seen.set(0);
    ThrowableInfo root = graph.root();
    renderHeader(out, "", "", root);
    renderFrames(out, "", root.frames(), root.frames().size());
    renderNested(out, graph, root, "", seen, 0);
  }

  private void renderNested(
      StringBuilder out, ThrowableGraph graph, ThrowableInfo owner, String prefix, BitSet seen,
      int nesting) {
    for (int index : owner.suppressed()) {
      renderEnclosed(out, graph, index, owner, "Suppressed: ", prefix + "\t", seen, nesting);
    }
    if (owner.cause() != ThrowableInfo.NO_CAUSE) {
      renderEnclosed(out, graph, owner.cause(), owner, "Caused by: ", prefix, seen, nesting);
    }
  }

  private void renderEnclosed(
      StringBuilder out, ThrowableGraph graph, int index, ThrowableInfo enclosing, String caption,
      String prefix, BitSet seen, int nesting) {
    ThrowableInfo throwable = graph.get(index);
    if (out.length() >= maxChars) {
      return;
    }
    if (seen.get(index)) {
      out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ")
          .append(TerminalText.escapeLines(throwable.description(), prefix + CONTINUATION_INDENT)).append("]\n");
      return;
    }
    if (nesting >= MAX_NESTING) {
      out.append(prefix).append(caption).append(style.dim("...")).append('\n');
      return;
    }
    seen.set(index);
    renderHeader(out, prefix, caption, throwable);
    List<FrameInfo> frames = throwable.frames();
    int shown = frames.size() - framesInCommon(frames, enclosing.frames());
    renderFrames(out, prefix, frames, shown);
    if (shown < frames.size()) {
      out.append(prefix).append("\t... ").append(frames.size() - shown).append(" more\n");
    }
    renderNested(out, graph, throwable, prefix, seen, nesting + 1);
  }

  private void renderHeader(StringBuilder out, String prefix, String caption, ThrowableInfo throwable) {
    out.append(prefix).append(caption)
        .append(style.red(TerminalText.escapeLines(throwable.description(), prefix + CONTINUATION_INDENT)))
        .append('\n');
    for (Map.Entry<String, Value> field : throwable.fields().entrySet()) {
      values.render(out, prefix + "\t" + ValueRenderer.STEP,
          style.dim("field ") + TerminalText.escape(field.getKey()), field.getValue());
    }
  }

  private void renderFrames(StringBuilder out, String prefix, List<FrameInfo> frames, int count) {
    for (int i = 0; i < count && out.length() < maxChars; i++) {
      FrameInfo frame = frames.get(i);
      out.append(prefix).append("\tat ")
          .append(TerminalText.escape(FrameText.of(frame))).append('\n');
      for (LocalVariable local : frame.locals()) {
        values.render(out, prefix + "\t" + ValueRenderer.STEP, style.bold(TerminalText.escape(local.name())),
            local.value());
      }
    }
  }

  /**
   * Trailing frames shared with the enclosing trace, as {@code printStackTrace} elides them; a
   * frame that carries locals of its own is never elided.
   */
  static int framesInCommon(List<FrameInfo> frames, List<FrameInfo> enclosing) {
    int m = frames.size() - 1;
    int n = enclosing.size() - 1;
    int common = 0;
    while (m >= 0 && n >= 0 && sameFrame(frames.get(m), enclosing.get(n)) && frames.get(m).locals().isEmpty()) {
      common++;
      m--;
      n--;
    }
    return common;
  }

  private static boolean sameFrame(FrameInfo a, FrameInfo b) {
    return a.toStackTraceElement().equals(b.toStackTraceElement());
  }
}
