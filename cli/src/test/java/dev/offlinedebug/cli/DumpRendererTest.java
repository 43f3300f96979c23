package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import dev.offlinedebug.testing.SampleDumps;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DumpRendererTest {
  private final String text = new DumpRenderer(Style.PLAIN).render(SampleDumps.checkoutFailure());

  @Test
  void render_header() {
    assertTrue(text.startsWith("Dump od-test-1\n"), text);
    assertTrue(text.contains("time        2026-11-26T05:16:12.123456Z\n"), text);
    assertTrue(text.contains("logger      com.acme.Checkout\n"), text);
    assertTrue(text.contains("thread      worker-1 (id 17)\n"), text);
    assertTrue(text.contains("message     Checkout failed for order 1042\n"), text);
    assertTrue(text.contains("host        web-1 (pid 4242)\n"), text);
    assertTrue(text.contains("mdc         user=\"ada\"\n"), text);
  }

  @Test
  void render_framesWithLocalsUnderThem() {
    assertTrue(text.contains("com.acme.CheckoutException: order 1042 failed\n"
        + "\tat com.acme.Checkout.checkout(Checkout.java:21)\n"
        + "\t    order = com.acme.Order #1\n"
        + "\t        id = 1042\n"
        + "\t        customer = com.acme.Customer #2\n"
        + "\t            id = \"C-1042\"\n"
        + "\t            password = <redacted> (String)\n"
        + "\t            address = <truncated>\n"
        + "\t            handle = <unavailable> (Thread)\n"
        + "\t        quantities = int[] #3 size 2 [2, 1]\n"
        + "\t        lines = java.util.ArrayList #4 size 40\n"
        + "\t            [0] = com.acme.OrderLine #5\n"
        + "\t                sku = \"SKU-CHAIR\"\n"
        + "\t            [1] = -> #2 com.acme.Customer\n"
        + "\t            ... 38 more <truncated>\n"
        + "\t        tags = java.util.HashMap #6 size 1 {\"rush\"=true}\n"
        + "\t        note = \"xxxxxxxxxx\"... (5000 chars) <truncated>\n"
        + "\t        status = DECLINED (com.acme.Status)\n"
        + "\t        refund = null\n"
        + "\t    total = 337.90 (java.math.BigDecimal)\n"
        + "\t    letter = 'x'\n"), text);
  }

  @Test
  void render_throwableValues_pointToTheirBlocks() {
    String retry = new DumpRenderer(Style.PLAIN).render(SampleDumps.retryLoop());

    assertTrue(retry.contains("\tat com.acme.Checkout.checkout(Checkout.java:21)\n"
        + "\t    last = -> Caused by: com.acme.DeclinedException: insufficient funds\n"
        + "\t    e = -> com.acme.CheckoutException: order 1042 failed (logged throwable)\n"
        + "\t    closing = -> Suppressed: java.io.IOException: close failed\n"
        + "\t    earlier = java.io.IOException: timeout\n"
        + "\t    stray = java.io.IOException: gone\n"), retry);
    assertTrue(retry.contains("Caused by: com.acme.DeclinedException: insufficient funds\n"), retry);
  }

  @Test
  void render_causeWithCommonFramesElided() {
    assertTrue(text.contains("Caused by: com.acme.DeclinedException: insufficient funds\n"
        + "\t    field code = \"51\"\n"
        + "\tat com.acme.Gateway.charge(Gateway.java:33)\n"
        + "\t    apiToken = <redacted> (String)\n"
        + "\t... 2 more\n"), text);
  }

  @Test
  void render_suppressedBeforeCause() {
    int suppressed = text.indexOf("\tSuppressed: java.io.IOException: close failed\n"
        + "\t\tat com.acme.Conn.close(Conn.java:5)\n"
        + "\t\t... 1 more\n");
    assertTrue(suppressed > 0, text);
    assertTrue(suppressed < text.indexOf("Caused by:"), text);
  }

  @Test
  void render_capturedControlCharactersEscaped() {
    String hostile = new DumpRenderer(Style.PLAIN).render(SampleDumps.hostile());
    assertFalse(hostile.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x9b || c == 0x202e),
        hostile);
    String escaped = "clear\\u001b[2Jscreen\\u0007bell\\r\\u009bC1\\u202eevil";
    assertTrue(hostile.contains("v" + escaped + " = \"" + escaped + "\""), hostile);
    assertTrue(hostile.contains("message     " + escaped), hostile);
    assertTrue(hostile.contains("thread      t" + escaped), hostile);
  }

  @Test
  void render_coloursOnlyOurOwn() {
    String coloured = new DumpRenderer(Style.ANSI).render(SampleDumps.hostile());
    Matcher escapes = Pattern.compile("\u001b\\[([0-9;]*)m").matcher(coloured);
    assertEquals(coloured.chars().filter(c -> c == 0x1b).count(), escapes.results().count(),
        "every ESC starts one of our SGR colour sequences");
    assertFalse(coloured.contains("\u001b[2J"), coloured);
    assertTrue(coloured.contains("\u001b[1;31m"), coloured);
  }

  @Test
  void render_nestingDeeperThanCaptureLimitCut() {
    Value deep = new ObjectValue(0, "Leaf", Map.of());
    for (int i = 1; i <= 200; i++) {
      deep = new ObjectValue(i, "Node", Map.of("next", deep));
    }
    ThrowableInfo thrown = new ThrowableInfo("E", null, "E", List.of(
        SampleDumps.frame("a.B", "c", 1, SampleDumps.local("node", "Node", deep))), -1, List.of(), Map.of());
    Dump base = SampleDumps.checkoutFailure();
    Dump dump = new Dump(base.id(), base.time(), base.host(), base.pid(), base.jvm(), null, base.thread(), null,
        null, null, Map.of(), List.of(), Map.of(), true, new ThrowableGraph(List.of(thrown)));
    String rendered = new DumpRenderer(Style.PLAIN).render(dump);
    assertTrue(rendered.contains("..."), rendered);
    assertTrue(rendered.lines().count() < 60, rendered);
  }

  @Test
  void render_sharedFramesWithLocalsAreBounded() {
    Dump dump = SampleDumps.sharedFramesWithLocals();

    String rendered = new DumpRenderer(Style.PLAIN).render(dump);

    assertTrue(rendered.length() < DumpRenderer.MAX_CHARS + 4096, rendered.length() + " chars");
    assertTrue(rendered.endsWith("... output cut at " + DumpRenderer.MAX_CHARS + " characters <truncated>\n"),
        rendered.substring(rendered.length() - 200));
  }
}
