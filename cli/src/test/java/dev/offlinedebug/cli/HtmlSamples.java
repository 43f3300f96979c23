package dev.offlinedebug.cli;

import static dev.offlinedebug.testing.SampleDumps.frame;
import static dev.offlinedebug.testing.SampleDumps.local;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.spi.HtmlPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dumps for the HTML tests: the checkout failure, and one whose strings try to become markup. */
final class HtmlSamples {
  /** Would set {@code window.pwned} if any of it ran as markup or script. */
  static final String MARKUP = "</textarea></script><script>window.pwned=1</script>"
      + "<img src=x onerror=\"window.pwned=2\">&amp;'\"";

  private HtmlSamples() {}

  static Dump markup() {
    ThrowableInfo thrown = new ThrowableInfo("com.acme.Markup", MARKUP, "com.acme.Markup: " + MARKUP,
        List.of(frame("com.acme.Render", "page", 7, local("html", "java.lang.String", StringValue.of(MARKUP)),
            local(MARKUP, "java.lang.String", StringValue.of("named")))),
        ThrowableInfo.NO_CAUSE, List.of(), Map.of(MARKUP, StringValue.of(MARKUP)));
    return new Dump("od-markup-1", Instant.parse("2026-11-26T05:16:12Z"), "host" + MARKUP, 1, "jvm" + MARKUP,
        MARKUP, new ThreadInfo(MARKUP, 1, false, 5),
        MARKUP, "ERROR", MARKUP, Map.of(MARKUP, MARKUP), List.of(MARKUP), Map.of(MARKUP, MARKUP), true,
        new ThrowableGraph(List.of(thrown)));
  }

  static String page(Dump... dumps) {
    List<HtmlPage.Entry> entries = new ArrayList<>();
    for (Dump dump : dumps) {
      entries.add(new HtmlPage.Entry(dump, 3, List.of(dump.id(), "--dir", "/var/log/my app/dumps")));
    }
    return HtmlCommand.page(entries);
  }
}
