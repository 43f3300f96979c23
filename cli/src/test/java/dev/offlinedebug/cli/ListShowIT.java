package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.Failures;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListShowIT {
  @TempDir Path work;

  @Test
  void list_oneLinePerDumpNewestLast() throws Exception {
    Path dir = work.resolve("dumps");
    String first;
    String second;
    try (StoreFixture store = StoreFixture.open(dir)) {
      first = store.write(Failures.declined("C-1042", 33_790));
      second = store.write(Failures.unsupported(7), "com.acme.billing.Invoices", "Invoice failed", Map.of());
    }
    JarRunner.Result result = new JarRunner(work).run("list", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.toString());
    assertTrue(lines.get(0).contains(first), result.toString());
    assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  .*"), result.toString());
    assertTrue(lines.get(0).contains("ERROR  java.lang.IllegalArgumentException: checkout of 33790 cents failed"),
        result.toString());
    assertTrue(lines.get(0).contains("com.acme.shop.Checkout  [" + Thread.currentThread().getName() + "]"),
        result.toString());
    assertTrue(lines.get(1).contains(second + "  ERROR  java.lang.UnsupportedOperationException: operation 7"),
        result.toString());
    assertTrue(lines.get(1).contains("com.acme.billing.Invoices"), result.toString());
  }

  @Test
  void list_filtersAndLimit() throws Exception {
    Path dir = work.resolve("dumps");
    String lastUnsupported;
    try (StoreFixture store = StoreFixture.open(dir)) {
      store.write(Failures.declined("C-1", 30_000));
      store.write(Failures.unsupported(1), "com.acme.billing.Invoices", "Invoice failed", Map.of());
      lastUnsupported = store.write(Failures.unsupported(2), "com.acme.billing.Invoices", "Invoice failed", Map.of());
    }
    JarRunner runner = new JarRunner(work);
    assertEquals(2, lines(runner.run("list", "-d", dir.toString(), "--type", "UnsupportedOperation")));
    assertEquals(1, lines(runner.run("list", "-d", dir.toString(), "--logger", "com.acme.shop")));
    assertEquals(0, lines(runner.run("list", "-d", dir.toString(), "--logger", "com.acme.sh")));
    assertEquals(1, lines(runner.run("list", "-d", dir.toString(), "--grep", "operation [2-9]")));
    assertEquals(0, lines(runner.run("list", "-d", dir.toString(), "--since", "2099-01-01T00:00:00Z")));
    assertEquals(3, lines(runner.run("list", "-d", dir.toString(), "--since", "1h", "--until", "2099-01-01T00:00:00Z")));
    JarRunner.Result limited = runner.run("list", "-d", dir.toString(), "--limit", "1");
    assertEquals(1, lines(limited));
    assertTrue(limited.out().contains(lastUnsupported), limited.toString());
  }

  @Test
  void list_directoryFromEnvironmentElseLogsDumps() throws Exception {
    Path fromEnvironment = work.resolve("env-dumps");
    Path conventional = work.resolve("logs").resolve("dumps");
    String inEnvironment;
    String inConventional;
    try (StoreFixture store = StoreFixture.open(fromEnvironment)) {
      inEnvironment = store.write(Failures.unsupported(1));
    }
    try (StoreFixture store = StoreFixture.open(conventional)) {
      inConventional = store.write(Failures.unsupported(2));
    }
    JarRunner.Result viaEnvironment = new JarRunner(work)
        .env(StoreOptions.ENVIRONMENT_VARIABLE, fromEnvironment.toString()).run("list");
    assertTrue(viaEnvironment.out().contains(inEnvironment), viaEnvironment.toString());
    JarRunner.Result viaDefault = new JarRunner(work).run("list");
    assertTrue(viaDefault.out().contains(inConventional), viaDefault.toString());
    assertFalse(viaDefault.out().contains(inEnvironment), viaDefault.toString());
  }

  @Test
  void show_stackTraceWithLocalsCausesAndContext() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.declined("C-1042", 33_790), "com.acme.shop.Checkout", "Checkout failed for C-1042",
          Map.of("orderId", "ORD-7"));
    }
    JarRunner.Result result = new JarRunner(work).run("show", id, "--dir", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    String out = result.out();
    assertTrue(out.startsWith("Dump " + id + "\n"), result.toString());
    assertTrue(out.contains("message     Checkout failed for C-1042\n"), result.toString());
    assertTrue(out.contains("thread      " + Thread.currentThread().getName() + " (id "), result.toString());
    assertTrue(out.contains("mdc         orderId=\"ORD-7\"\n"), result.toString());
    assertTrue(out.contains("locals      captured\n"), result.toString());
    assertTrue(out.contains("\njava.lang.IllegalArgumentException: checkout of 33790 cents failed\n"
        + "\tat com.acme.shop.Failures.declined(Failures.java:"), result.toString());
    assertTrue(out.contains("Caused by: java.lang.IllegalStateException: card declined for C-1042: 33790 EUR\n"
        + "\tat com.acme.shop.Failures.charge(Failures.java:"), result.toString());
    assertTrue(out.contains("\t    customer = \"C-1042\"\n"), result.toString());
    assertTrue(out.contains("\t    cents = 33790\n"), result.toString());
    assertTrue(out.contains("\t    currency = \"EUR\"\n"), result.toString());
    assertTrue(out.contains("\t    limit = 25000\n"), result.toString());
    assertTrue(out.contains("\t... "), "common frames of the cause are elided: " + result);
    assertFalse(out.contains("\u001b"), "no colours when not on a terminal: " + result);
  }

  @Test
  void show_capturedControlCharactersEscaped() throws Exception {
    Path dir = work.resolve("dumps");
    String id;
    try (StoreFixture store = StoreFixture.open(dir)) {
      id = store.write(Failures.hostile(), "com.acme" + SampleDumps.HOSTILE, "logged " + SampleDumps.HOSTILE,
          Map.of("user", SampleDumps.HOSTILE));
    }
    String escaped = "clear\\u001b[2Jscreen\\u0007bell\\r\\u009bC1\\u202eevil";
    for (String color : List.of("never", "always")) {
      JarRunner.Result result = new JarRunner(work).run("show", id, "--dir", dir.toString(), "--color", color);
      assertEquals(0, result.exit(), result.toString());
      assertFalse(result.out().contains("\u001b[2J"), result.toString());
      String out = result.out().replaceAll("\u001b\\[[0-9;]*m", "");
      assertFalse(out.contains("\u001b"), "every ESC left starts one of the command's colours: " + result);
      assertFalse(out.chars().anyMatch(c -> c == 0x07 || c == '\r' || c == 0x9b || c == 0x202e), result.toString());
      assertTrue(out.contains("screen = \"" + escaped + "\""), "the local variable: " + result);
      assertTrue(out.contains("HostileException: message " + escaped), "the exception message: " + result);
      assertTrue(out.contains("detail = \"detail " + escaped + "\""), "the exception's field: " + result);
      assertTrue(out.contains("logged " + escaped), "the log message: " + result);
      assertTrue(out.contains("user=\"" + escaped + "\""), "the MDC: " + result);
    }
    JarRunner.Result listed = new JarRunner(work).run("list", "--dir", dir.toString());
    assertFalse(listed.out().contains("\u001b"), listed.toString());
    assertTrue(listed.out().contains("message " + escaped), listed.toString());
  }

  @Test
  void show_fileWrittenBySave() throws Exception {
    Path file = work.resolve("failure.dump");
    String id = OfflineDebug.save(Failures.unsupported(3), file);
    JarRunner.Result result = new JarRunner(work).run("show", "--file", file.toString());
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().startsWith("Dump " + id + "\n"), result.toString());
    assertTrue(result.out().contains("java.lang.UnsupportedOperationException: operation 3\n"), result.toString());
    assertTrue(Files.exists(file));
  }

  private static long lines(JarRunner.Result result) {
    assertEquals(0, result.exit(), result.toString());
    return result.out().lines().count();
  }
}
