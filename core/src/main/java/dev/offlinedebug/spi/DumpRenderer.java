package dev.offlinedebug.spi;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.render.StackTraceRenderer;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code offline-debug show}: what was logged, where and when, then the exception with
 * the locals of its frames. Every string taken from the dump is {@linkplain TerminalText escaped}.
 * The text is bounded: past {@link #MAX_CHARS} it ends with a {@code <truncated>} line, so a small
 * crafted record whose throwables share frames with locals cannot print gigabytes.
 *
 * @since 0.1
 */
public final class DumpRenderer {
  private static final int LABEL_WIDTH = 12;
  /** Characters of output after which frames and values are no longer drawn: far above a real dump's. */
  public static final int MAX_CHARS = 4 << 20;

  private final Style style;

  /** Renders with {@code style}'s colours. */
  public DumpRenderer(Style style) {
    this.style = style;
  }

  /** The text of {@code dump}, never null; ends with a line feed. */
  public String render(Dump dump) {
    StringBuilder out = new StringBuilder(4096);
    out.append(style.bold("Dump " + TerminalText.escape(dump.id()))).append('\n');
    field(out, "time", dump.time().toString());
    field(out, "level", dump.level());
    field(out, "logger", dump.logger());
    field(out, "thread", dump.thread().name()
        + " (id " + dump.thread().id() + (dump.thread().daemon() ? ", daemon" : "") + ")");
    if (dump.message() != null) {
      out.append(style.dim(label("message")))
          .append(TerminalText.escapeLines(dump.message(), " ".repeat(LABEL_WIDTH))).append('\n');
    }
    field(out, "host", dump.host() + " (pid " + dump.pid() + ")");
    field(out, "jvm", dump.jvm());
    field(out, "app", dump.application());
    pairs(out, "mdc", dump.mdc());
    if (!dump.markers().isEmpty()) {
      field(out, "markers", String.join(", ", dump.markers()));
    }
    pairs(out, "attributes", dump.attributes());
    out.append(style.dim(label("locals"))).append(dump.localsCaptured()
        ? "captured"
        : style.yellow("not captured") + " (run the application with -javaagent:offline-debug-agent.jar)")
        .append('\n');
    out.append('\n');
    new StackTraceRenderer(style, dump.exception(), MAX_CHARS).render(out);
    if (out.length() >= MAX_CHARS) {
      out.append(style.dim("... output cut at " + MAX_CHARS + " characters ")).append(style.yellow("<truncated>"))
          .append('\n');
    }
    return out.toString();
  }

  private void field(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(style.dim(label(name))).append(TerminalText.escape(value)).append('\n');
    }
  }

  private void pairs(StringBuilder out, String name, Map<String, String> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    out.append(style.dim(label(name)));
    List<String> keys = pairs.keySet().stream().sorted().toList();
    String separator = "";
    for (String key : keys) {
      out.append(separator).append(TerminalText.escape(key)).append('=')
          .append(TerminalText.quote(pairs.get(key)));
      separator = "\n" + " ".repeat(LABEL_WIDTH);
    }
    out.append('\n');
  }

  private static String label(String name) {
    return name + " ".repeat(Math.max(1, LABEL_WIDTH - name.length()));
  }
}
