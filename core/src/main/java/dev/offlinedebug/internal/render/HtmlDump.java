package dev.offlinedebug.internal.render;

import dev.offlinedebug.Dump;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.spi.TerminalText;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One dump as a section of a page: what was logged, where and when (the fields of {@code show}),
 * the replay command line with a copy button, the {@linkplain HtmlStackTrace stack trace}, then the
 * {@linkplain HtmlOccurrences repeats} of its failure.
 */
public final class HtmlDump {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private HtmlDump() {}

  /**
   * Appends the section for {@code entry}'s dump; {@code index} keeps the anchors of several dumps
   * on one page apart.
   */
  public static void render(StringBuilder out, HtmlPage.Entry entry, int index) {
    Dump dump = entry.dump();
    String prefix = "d" + index + "-";
    HtmlOccurrences occurrences = entry.occurrences() == null
        ? null
        : new HtmlOccurrences(dump.id(), entry.occurrences(), entry.pageOf(), prefix + "repeats");
    out.append("<section class=\"dump\" id=\"").append(prefix).append("dump\">\n")
        .append("<h1>Dump ").append(HtmlText.escape(dump.id())).append("</h1>\n")
        .append("<dl class=\"meta\">\n");
    field(out, "time", DateTimeFormatter.ISO_INSTANT.format(dump.time()));
    field(out, "level", dump.level());
    field(out, "logger", dump.logger());
    field(out, "thread", dump.thread().name()
        + " (id " + dump.thread().id() + (dump.thread().daemon() ? ", daemon" : "") + ")");
    if (dump.message() != null) {
      out.append("<dt>message</dt><dd class=\"message\">").append(HtmlText.escapeKeepingLines(dump.message()))
          .append("</dd>\n");
    }
    field(out, "host", dump.host() + " (pid " + dump.pid() + ")");
    field(out, "jvm", dump.jvm());
    field(out, "app", dump.application());
    if (occurrences != null) {
      occurrences.field(out);
    }
    pairs(out, "mdc", dump.mdc());
    if (!dump.markers().isEmpty()) {
      field(out, "markers", String.join(", ", dump.markers()));
    }
    pairs(out, "attributes", dump.attributes());
    field(out, "locals", dump.localsCaptured()
        ? "captured"
        : "not captured (run the application with -javaagent:offline-debug-agent.jar)");
    out.append("</dl>\n");
    String replayId = prefix + "replay";
    out.append("<div class=\"replay\"><label for=\"").append(replayId).append("\">replay</label>")
        .append("<input id=\"").append(replayId).append("\" readonly value=\"")
        .append(HtmlText.escape(commandLine(entry.replay()))).append("\">")
        .append("<button type=\"button\" class=\"copy\" data-for=\"").append(replayId)
        .append("\">Copy</button></div>\n")
        .append("<div class=\"tools\"><button type=\"button\" class=\"unfold\">Unfold all</button> ")
        .append("<button type=\"button\" class=\"fold\">Fold all</button></div>\n");
    new HtmlStackTrace(new HtmlValues(dump.exception(), prefix)).render(out, dump.exception());
    if (occurrences != null) {
      occurrences.list(out);
    }
    out.append("</section>\n");
  }

  /** {@code offline-debug replay ...} with each argument quoted for a POSIX shell where needed. */
  static String commandLine(List<String> replayArguments) {
    StringBuilder line = new StringBuilder("offline-debug replay");
    for (String argument : replayArguments) {
      line.append(' ').append(SHELL_SAFE.matcher(argument).matches()
          ? argument
          : "'" + argument.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append("<dt>").append(name).append("</dt><dd>").append(HtmlText.escape(value)).append("</dd>\n");
    }
  }

  private static void pairs(StringBuilder out, String name, Map<String, String> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    out.append("<dt>").append(name).append("</dt><dd>");
    String separator = "";
    for (String key : pairs.keySet().stream().sorted().toList()) {
      out.append(separator).append(HtmlText.escape(key)).append('=')
          .append(HtmlText.entities(TerminalText.quote(pairs.get(key))));
      separator = "\n";
    }
    out.append("</dd>\n");
  }
}
