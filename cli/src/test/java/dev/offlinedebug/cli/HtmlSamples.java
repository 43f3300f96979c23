package dev.offlinedebug.cli;

import static dev.offlinedebug.testing.SampleDumps.frame;
import static dev.offlinedebug.testing.SampleDumps.local;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
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

  /** A page as {@code html} writes it: each dump logged four times, two repeats stored, one only counted. */
  static String page(Dump... dumps) {
    List<HtmlPage.Entry> entries = new ArrayList<>();
    for (Dump dump : dumps) {
      entries.add(new HtmlPage.Entry(dump, repeated(dump), List.of(dump.id(), "--dir", "/var/log/my app/dumps"), null));
    }
    return HtmlCommand.page(entries);
  }

  /** Two stored repeats of {@code dump}, logged by its thread a second and two seconds later, and one counted. */
  static DumpOccurrences repeated(Dump dump) {
    return new DumpOccurrences(dump.id(), List.of(
        new DumpOccurrences.Stored(dump.id() + ".o1", dump.time().plusSeconds(1), dump.thread().name()),
        new DumpOccurrences.Stored(dump.id() + ".o2", dump.time().plusSeconds(2), dump.thread().name())), 0, 1);
  }
}
