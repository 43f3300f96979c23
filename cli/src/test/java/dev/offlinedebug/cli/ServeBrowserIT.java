package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.testing.Chromium;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of {@code serve} in a real headless browser. */
class ServeBrowserIT {
  @TempDir static Path work;
  private static Chromium browser;
  private static DumpViewer viewer;
  private static String base;
  private static String declinedId;

  @BeforeAll
  static void start() throws Exception {
    browser = Chromium.start(work.resolve("profile"));
    Path dir = work.resolve("dumps");
    try (StoreFixture store = StoreFixture.open(dir)) {
      declinedId = store.write(Failures.declined("C-1042", 33_790));
      for (int i = 0; i < 3; i++) {
        store.write(Failures.unsupported(i), "com.acme.billing.Invoices", "Invoice failed", Map.of());
      }
    }
    viewer = DumpViewer.start(OfflineDebug.open(dir), dir.toAbsolutePath().toString(),
        new InetSocketAddress("127.0.0.1", 0), null);
    base = "http://127.0.0.1:" + viewer.address().getPort();
  }

  @AfterAll
  static void stop() {
    if (viewer != null) {
      viewer.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void list_filtersNarrowTheRows() throws Exception {
    browser.open(base + "/");
    assertEquals(4, rows());
    browser.eval("document.querySelector('input[name=type]').value = 'UnsupportedOperation'");
    browser.clickToLoad("form.filters button");
    assertTrue(browser.eval("location.search").getAsString().contains("type=UnsupportedOperation"));
    assertEquals(3, rows());
    assertEquals("3 of 4 dumps", browser.text("#count"));
    browser.open(base + "/?logger=com.acme.shop");
    assertEquals(1, rows());
    browser.open(base + "/?grep=operation%20%5B12%5D");
    assertEquals(2, rows());
    browser.open(base + "/?since=nonsense");
    assertTrue(browser.text("#error").contains("'nonsense' is not a time"), browser.text("#error"));
  }

  @Test
  void list_linksToTheDumpPage() throws Exception {
    browser.open(base + "/?logger=com.acme.shop");
    browser.clickToLoad("tr.dump-row a");
    assertEquals("Dump " + declinedId, browser.text("h1"));
    String frame = browser.pick("details.frame", "Failures.charge(");
    browser.click(frame + " > summary");
    assertTrue(browser.text(frame + " .locals").contains("currency = \"EUR\""));
  }

  @Test
  void dumpPage_repeatsOpenTheirOwnPages() throws Exception {
    Path dir = work.resolve("repeating");
    List<String> ids = new ArrayList<>();
    try (StoreFixture store = StoreFixture.open(dir, 16L << 20, 64L << 20, Duration.ofMinutes(5))) {
      for (int cents : new int[] {30_007, 30_009, 30_011}) {
        ids.add(store.write(Failures.declined("C-" + cents, cents))); // one stack: stored as repeats of the first
      }
    }
    try (DumpViewer repeating = DumpViewer.start(OfflineDebug.open(dir), dir.toAbsolutePath().toString(),
        new InetSocketAddress("127.0.0.1", 0), null)) {
      browser.open("http://127.0.0.1:" + repeating.address().getPort() + "/dump/" + ids.get(0));
      browser.click("a.ref[href='#d0-repeats']");
      assertTrue(browser.visible("table.repeats"));
      assertEquals(2, browser.eval("document.querySelectorAll('tr.repeat a').length").getAsInt());
      browser.screenshot(HtmlBrowserIT.SCREENSHOTS.resolve("repeats-page.png"));
      browser.clickToLoad(browser.pick("tr.repeat a", ids.get(1)));
      assertEquals("Dump " + ids.get(1), browser.text("h1"));
      assertTrue(browser.text(".trace").contains("checkout of 30009 cents failed"), browser.text(".trace"));
      String frame = browser.pick("details.frame", "Failures.charge(");
      browser.click(frame + " > summary");
      assertTrue(browser.text(frame + " .locals").contains("30009"), "the repeat's own values");
      browser.clickToLoad("dl.meta a");
      assertEquals("Dump " + ids.get(0), browser.text("h1"));
    }
  }

  @Test
  void stats_chartRendersPerFingerprint() throws Exception {
    browser.open(base + "/stats");
    assertTrue(browser.visible("svg.chart"));
    assertEquals(2, browser.eval("document.querySelectorAll('tr.fingerprint').length").getAsInt());
    assertTrue(browser.text("table.list").contains("java.lang.UnsupportedOperationException"));
    double barHeights = browser.eval("[...document.querySelectorAll('svg.chart rect.bar')]"
        + ".reduce((sum, r) => sum + r.getBBox().height, 0)").getAsDouble();
    assertTrue(barHeights > 0, "bars are drawn");
    assertEquals(2, browser.eval("new Set([...document.querySelectorAll('svg.chart rect.bar')]"
        + ".map(r => r.getAttribute('fill'))).size").getAsInt(), "one colour per fingerprint");
    assertTrue(browser.requests().stream().allMatch(url -> url.startsWith(base + "/")), browser.requests().toString());
    browser.screenshot(HtmlBrowserIT.SCREENSHOTS.resolve("stats-page.png"));
  }

  private static int rows() throws Exception {
    return browser.eval("document.querySelectorAll('tr.dump-row').length").getAsInt();
  }
}
