package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.HtmlPage;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
  private final String checkout = HtmlSamples.page(SampleDumps.checkoutFailure());

  @Test
  void page_headerFields() {
    assertTrue(checkout.contains("<h1>Dump od-test-1</h1>"), checkout);
    assertTrue(checkout.contains("<dt>time</dt><dd>2026-11-26T05:16:12.123456Z</dd>"), checkout);
    assertTrue(checkout.contains("<dt>thread</dt><dd>worker-1 (id 17)</dd>"), checkout);
    assertTrue(checkout.contains("<dt>logger</dt><dd>com.acme.Checkout</dd>"), checkout);
    assertTrue(checkout.contains("<dt>level</dt><dd>ERROR</dd>"), checkout);
    assertTrue(checkout.contains("Checkout failed for order 1042</dd>"), checkout);
    assertTrue(checkout.contains("<dt>mdc</dt><dd>user=&quot;ada&quot;</dd>"), checkout);
    assertTrue(checkout.contains("<dt>host</dt><dd>web-1 (pid 4242)</dd>"), checkout);
    assertTrue(checkout.contains("<dt>jvm</dt><dd>Eclipse Adoptium 17.0.15</dd>"), checkout);
    assertTrue(checkout.contains("<dt>occurrences</dt><dd>4 in all: this dump, 2 stored with their own values "
        + "(<a class=\"ref\" href=\"#d0-repeats\">listed below</a>), 1 counted only</dd>"), checkout);
  }

  @Test
  void page_firstDumpListsItsRepeatsAsText() {
    assertTrue(checkout.contains("<h2 id=\"d0-repeats\">Repeats</h2>"), checkout);
    assertTrue(checkout.contains("<tr class=\"repeat\"><td class=\"mono\">2026-11-26T05:16:13.123456Z</td>"
        + "<td class=\"mono\">od-test-1.o1</td><td>worker-1</td></tr>\n"), checkout);
    assertEquals(2, count(checkout, "<tr class=\"repeat\">"), checkout);
    assertTrue(checkout.contains("<span class=\"marker\">1 counted only</span>"), checkout);
    assertTrue(checkout.contains("offline-debug show ID, or html ID, with this dump's --dir"), checkout);
    assertFalse(checkout.contains("href=\"/"), "a page of html links to no page it does not hold");
  }

  @Test
  void page_servedRepeatsLinkToTheirPagesEscaped() {
    Dump dump = HtmlSamples.markup();
    DumpOccurrences hostile = new DumpOccurrences(dump.id(), List.of(new DumpOccurrences.Stored(
        dump.id() + HtmlSamples.MARKUP, dump.time(), HtmlSamples.MARKUP)), 0, 0);
    String page = HtmlPage.ofDumps("t", "", List.of(new HtmlPage.Entry(dump, hostile, List.of(), ViewerPages::dumpPage)));
    assertEquals(1, count(page, "<script"), "only the page's own script: " + page);
    assertFalse(page.contains("<img"), page);
    assertTrue(page.contains("<td class=\"mono\"><a href=\"/dump/od-markup-1%3C%2Ftextarea%3E%3C%2Fscript%3E"), page);
    assertTrue(page.contains("\">od-markup-1&lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;window.pwned=1"), page);
    assertTrue(page.contains("</a></td><td>&lt;/textarea&gt;&lt;/script&gt;"), page);
  }

  @Test
  void page_repeatNamesItsFirstDump() {
    Dump repeat = SampleDumps.checkoutFailure();
    DumpOccurrences ofFirst = new DumpOccurrences("od-first-1", List.of(), 0, 6);
    String served = HtmlPage.ofDumps("t", "", List.of(new HtmlPage.Entry(repeat, ofFirst, List.of(), ViewerPages::dumpPage)));
    assertTrue(served.contains("<dt>repeat of</dt><dd><a href=\"/dump/od-first-1\">od-first-1</a> (7 occurrences in all), "
        + "with its own time, thread, MDC and values</dd>"), served);
    assertFalse(served.contains("Repeats</h2>"), "a repeat lists no repeats: " + served);
    String written = HtmlPage.ofDumps("t", "", List.of(new HtmlPage.Entry(repeat, ofFirst, List.of(), null)));
    assertTrue(written.contains("<dt>repeat of</dt><dd>od-first-1 (7 occurrences in all)"), written);
  }

  @Test
  void page_repeatsBoundedByThePageSize() {
    Dump dump = SampleDumps.checkoutFailure();
    String longName = "worker-" + "x".repeat(20_000);
    List<DumpOccurrences.Stored> stored = new ArrayList<>();
    for (int i = 0; i < DumpOccurrences.MAX_LISTED; i++) {
      stored.add(new DumpOccurrences.Stored(dump.id() + ".o" + i, dump.time().plusSeconds(i), longName));
    }
    String page = HtmlPage.ofDumps("t", "", List.of(new HtmlPage.Entry(dump, new DumpOccurrences(dump.id(), stored, 5, 0),
        List.of(), ViewerPages::dumpPage)));
    int rows = count(page, "<tr class=\"repeat\">");
    assertTrue(rows > 0 && rows < DumpOccurrences.MAX_LISTED, rows + " rows");
    assertTrue(page.length() < DumpRenderer.MAX_CHARS + 65_536, page.length() + " chars");
    assertTrue(page.contains("<p class=\"dim\">... " + (DumpOccurrences.MAX_LISTED - rows + 5) + " more not listed</p>"),
        page.substring(page.length() - 4096));
  }

  @Test
  void page_stackWithCausesAndSuppressed() {
    assertTrue(checkout.contains("<span class=\"desc\">com.acme.CheckoutException: order 1042 failed</span>"), checkout);
    assertTrue(checkout.contains("Caused by: <span class=\"desc\">com.acme.DeclinedException: insufficient funds"),
        checkout);
    assertTrue(checkout.contains("<div class=\"suppressed\">\n<div class=\"exc\" id=\"d0-x2\">Suppressed: "
        + "<span class=\"desc\">java.io.IOException: close failed</span>"), checkout);
    assertTrue(checkout.contains("<details class=\"frame\"><summary>at com.acme.Checkout.checkout(Checkout.java:21)"),
        checkout);
    assertTrue(checkout.contains("<div class=\"frame\">at com.acme.Main.main(Main.java:10)</div>"), checkout);
    assertTrue(checkout.contains("<div class=\"frame dim\">... 1 more</div>"), checkout);
  }

  @Test
  void page_valuesUnfoldAndReferencesLinkToFirstOccurrence() {
    assertTrue(checkout.contains("<details class=\"v\" id=\"d0-v1\"><summary><span class=\"k\"><b>order</b></span> = "
        + "<span class=\"type\">com.acme.Order #1</span></summary>"), checkout);
    assertTrue(checkout.contains("<details class=\"v\" id=\"d0-v2\"><summary><span class=\"k\">customer</span>"),
        checkout);
    assertTrue(checkout.contains("<a class=\"ref\" href=\"#d0-v2\">-&gt; #2 com.acme.Customer</a>"), checkout);
    assertEquals(1, count(checkout, "id=\"d0-v2\""), checkout);
  }

  @Test
  void page_throwableValuesLinkToTheirBlocks() {
    String page = HtmlSamples.page(SampleDumps.retryLoop());

    assertTrue(page.contains("<a class=\"ref\" href=\"#d0-x1\">-&gt; Caused by: com.acme.DeclinedException: "
        + "insufficient funds</a>"), page);
    assertTrue(page.contains("<div class=\"exc\" id=\"d0-x1\">Caused by: <span class=\"desc\">"
        + "com.acme.DeclinedException: insufficient funds</span>"), page);
    assertTrue(page.contains("<a class=\"ref\" href=\"#d0-x0\">-&gt; com.acme.CheckoutException: order 1042 failed "
        + "(logged throwable)</a>"), page);
    assertTrue(page.contains("<div class=\"exc\" id=\"d0-x0\"><span class=\"desc\">"), page);
    assertTrue(page.contains("<a class=\"ref\" href=\"#d0-x2\">"), page);
    assertTrue(page.contains("<div class=\"exc\" id=\"d0-x2\">Suppressed: "), page);
    assertTrue(page.contains("<span class=\"txt\">java.io.IOException: gone</span>"),
        "an index the graph does not have is plain text: " + page);
    assertFalse(page.contains("#d0-x99"), page);
  }

  @Test
  void page_markersVisible() {
    assertTrue(checkout.contains("<span class=\"marker\">&lt;redacted&gt; (String)</span>"), checkout);
    assertTrue(checkout.contains("<span class=\"marker\">&lt;unavailable&gt; (Thread)</span>"), checkout);
    assertTrue(checkout.contains("<span class=\"marker\">&lt;truncated&gt;</span>"), checkout);
    assertTrue(checkout.contains("(5000 chars) &lt;truncated&gt;"), checkout);
  }

  @Test
  void page_replayCommandQuotedForShell() {
    assertTrue(checkout.contains("value=\"offline-debug replay od-test-1 --dir &#39;/var/log/my app/dumps&#39;\""),
        checkout);
  }

  @Test
  void page_markupInDumpIsText() {
    String page = HtmlSamples.page(HtmlSamples.markup());
    assertEquals(1, count(page, "<script"), "only the page's own script: " + page);
    assertEquals(1, count(page, "</script"), page);
    assertFalse(page.contains("<img"), page);
    assertFalse(page.contains("</textarea"), page);
    assertTrue(page.contains("&lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;"), page);
    assertTrue(page.contains("&amp;amp;&#39;&quot;"), page);
  }

  @Test
  void page_terminalControlsShownAsEscapes() {
    String page = HtmlSamples.page(SampleDumps.hostile());
    assertFalse(page.chars().anyMatch(c -> c == 0x1b || c == 0x9b || c == 0x202e || c == 7 || c == '\r'), page);
    assertTrue(page.contains("clear\\u001b[2Jscreen\\u0007bell\\r\\u009bC1\\u202eevil"), page);
  }

  @Test
  void page_policyAllowsOnlyItsOwnScript() throws Exception {
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(checkout);
    assertTrue(script.find(), checkout);
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
    assertTrue(checkout.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "script-src 'sha256-" + hash + "';"), checkout);
    assertFalse(checkout.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource");
  }

  @Test
  void page_severalDumpsKeepAnchorsApart() {
    String page = HtmlSamples.page(SampleDumps.checkoutFailure(), SampleDumps.checkoutFailure());
    assertTrue(page.contains("<title>2 dumps - offline-debug</title>"), page);
    assertTrue(page.contains("href=\"#d1-v2\""), page);
    assertEquals(1, count(page, "id=\"d1-v2\""), page);
    assertEquals(List.of(1, 1), List.of(count(page, "id=\"d0-replay\""), count(page, "id=\"d1-replay\"")));
  }

  @Test
  void page_sharedFramesWithLocalsAreBounded() {
    String page = HtmlSamples.page(SampleDumps.sharedFramesWithLocals(), SampleDumps.checkoutFailure());

    assertTrue(page.length() < DumpRenderer.MAX_CHARS + 65_536, page.length() + " chars");
    assertTrue(page.contains("... page cut at " + DumpRenderer.MAX_CHARS
        + " characters <span class=\"marker\">&lt;truncated&gt;</span></p>\n</main>"), page.substring(page.length() - 8192));
    assertFalse(page.contains("id=\"d1-dump\""), "no dump is drawn after the cut");
    assertEquals(count(page, "<details"), count(page, "</details>"), "elements open at the cut are closed");
    assertEquals(count(page, "<div"), count(page, "</div>"), "elements open at the cut are closed");
    assertTrue(page.endsWith("</html>\n"), page.substring(page.length() - 200));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
