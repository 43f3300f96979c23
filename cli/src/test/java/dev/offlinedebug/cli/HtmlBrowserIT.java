package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.testing.Chromium;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of {@code offline-debug html} in a real headless browser. */
class HtmlBrowserIT {
  /** Test output: screenshots of the pages, kept by the build. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path work;
  private static Chromium browser;
  private static String realPage;
  private static String samplePage;
  private static String markupPage;

  @BeforeAll
  static void start() throws Exception {
    browser = Chromium.start(work.resolve("profile"));
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790));
    }
    Path real = work.resolve("real.html");
    JarRunner.Result result = new JarRunner(work).run("html", id, "--dir", dir.toString(), "-o", real.toString());
    assertEquals(0, result.exit(), result.toString());
    realPage = real.toUri().toString();
    samplePage = write("sample.html", HtmlSamples.page(SampleDumps.checkoutFailure()));
    markupPage = write("markup.html", HtmlSamples.page(HtmlSamples.markup()));
  }

  private static String write(String name, String page) throws Exception {
    Path file = work.resolve(name);
    Files.writeString(file, page, StandardCharsets.UTF_8);
    return file.toUri().toString();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void dumpPage_stackVisible() throws Exception {
    browser.open(realPage);
    assertTrue(browser.visible(".trace"));
    String trace = browser.text(".trace");
    assertTrue(trace.contains("java.lang.IllegalArgumentException: checkout of 33790 cents failed"), trace);
    assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: card declined for C-1042: 33790 EUR"),
        trace);
    assertTrue(trace.contains("at com.acme.shop.Failures.charge(Failures.java:"), trace);
  }

  @Test
  void dumpPage_frameUnfoldsToItsLocals() throws Exception {
    browser.open(realPage);
    String frame = browser.pick("details.frame", "Failures.charge(");
    assertFalse(browser.visible(frame + " .locals"), "frames start folded");
    browser.click(frame + " > summary");
    assertTrue(browser.visible(frame + " .locals"));
    String locals = browser.text(frame + " .locals");
    assertTrue(locals.contains("customer = \"C-1042\""), locals);
    assertTrue(locals.contains("cents = 33790"), locals);
    assertTrue(locals.contains("currency = \"EUR\""), locals);
    assertTrue(locals.contains("limit = 25000"), locals);
  }

  @Test
  void dumpPage_nestedObjectUnfoldsLevelByLevel() throws Exception {
    browser.open(samplePage);
    browser.click(browser.pick("details.frame", "Checkout.checkout(") + " > summary");
    assertTrue(browser.visible("#d0-v1 > summary"), "the order local is listed");
    assertFalse(browser.visible("#d0-v2"), "its fields are folded");
    browser.click("#d0-v1 > summary");
    assertTrue(browser.visible("#d0-v2 > summary"), "order's customer field is listed");
    assertFalse(browser.visible("#d0-v2 > .kids"), "the customer's own fields are still folded");
    browser.click("#d0-v2 > summary");
    String customer = browser.text("#d0-v2 > .kids");
    assertTrue(customer.contains("id = \"C-1042\""), customer);
    assertTrue(customer.contains("password = <redacted> (String)"), customer);
    assertTrue(customer.contains("address = <truncated>"), customer);
    assertTrue(customer.contains("handle = <unavailable> (Thread)"), customer);
    browser.screenshot(SCREENSHOTS.resolve("dump-page.png"));
  }

  @Test
  void dumpPage_referenceOpensItsFirstOccurrence() throws Exception {
    browser.open(samplePage);
    assertFalse(browser.visible("#d0-v2"));
    browser.eval("for (let d = document.querySelector('a.ref[href=\"#d0-v2\"]'); d; d = d.parentElement)"
        + " if (d.tagName === 'DETAILS') d.open = true");
    assertFalse(browser.visible("#d0-v2 > .kids"), "the customer itself is folded");
    browser.click("a.ref[href=\"#d0-v2\"]");
    assertTrue(browser.visible("#d0-v2 > .kids"), "the link unfolded the customer where it first occurs");
  }

  @Test
  void dumpPage_markupInValuesRunsNothing() throws Exception {
    browser.open(markupPage);
    browser.click(".unfold");
    assertEquals("undefined", browser.eval("typeof window.pwned").getAsString());
    assertEquals(0, browser.eval("document.querySelectorAll('img, textarea, main script').length").getAsInt());
    String locals = browser.text(".locals");
    assertTrue(locals.contains("html = \"" + HtmlSamples.MARKUP.replace("\"", "\\\"") + "\""), locals);
    assertEquals(HtmlSamples.MARKUP, browser.text(".message"));
  }

  @Test
  void dumpPage_makesNoNetworkRequest() throws Exception {
    for (String page : List.of(realPage, samplePage, markupPage)) {
      browser.open(page);
      browser.click(".unfold");
      browser.eval("document.querySelectorAll('a.ref').forEach(a => a.click())");
      assertEquals(List.of(page), browser.requests(), "the page's only request is itself");
    }
  }

  @Test
  void dumpPage_copyButtonCopiesReplayCommand() throws Exception {
    browser.grantClipboard();
    browser.open(samplePage);
    browser.click(".copy");
    assertEquals("Copied", browser.eval("new Promise(done => { const b = document.querySelector('.copy');"
        + " const check = () => b.textContent === 'Copy' ? setTimeout(check, 20) : done(b.textContent); check(); })")
        .getAsString());
    assertEquals("offline-debug replay od-test-1 --dir '/var/log/my app/dumps'",
        browser.eval("navigator.clipboard.readText()").getAsString());
  }
}
