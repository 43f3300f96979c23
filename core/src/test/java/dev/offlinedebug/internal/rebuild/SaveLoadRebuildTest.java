package dev.offlinedebug.internal.rebuild;

import static dev.offlinedebug.internal.rebuild.RebuildFidelityTest.onLargeStack;
import static dev.offlinedebug.internal.rebuild.RebuildFidelityTest.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.internal.rebuild.allowed.OrderFailure;
import dev.offlinedebug.internal.rebuild.allowed.WrappedFailure;
import dev.offlinedebug.internal.rebuild.denied.PaymentDeclined;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole way: capture → {@code OfflineDebug.save} → {@code load} → rebuild, through real files. */
class SaveLoadRebuildTest {
  @TempDir Path dir;

  @AfterEach
  void clearAllowance() {
    System.clearProperty(RebuildAllowance.PROPERTY);
  }

  private Throwable roundTrip(Throwable original) throws IOException {
    Path file = dir.resolve("failure.dump");
    String id = OfflineDebug.save(original, file);
    Dump loaded = OfflineDebug.load(file);
    assertEquals(id, loaded.id());
    return loaded.rebuild();
  }

  @Test
  void rebuild_afterSaveAndLoad_printsAsOriginal() throws IOException {
    System.setProperty(RebuildAllowance.PROPERTY, "dev.offlinedebug.internal.rebuild.allowed");
    IllegalStateException original = new IllegalStateException("Grüße 日本 😀 𝄞", new WrappedFailure("wrapped",
        new SQLException("deadlock", "40001", 1213)));
    original.addSuppressed(new OrderFailure("order 42"));
    original.getCause().addSuppressed(original.getCause().getCause());

    Throwable rebuilt = roundTrip(original);

    assertSame(IllegalStateException.class, rebuilt.getClass());
    assertSame(WrappedFailure.class, rebuilt.getCause().getClass());
    assertEquals(printed(original), printed(rebuilt));
  }

  @Test
  void rebuild_afterSaveAndLoad_standInForDeniedType() throws IOException {
    PaymentDeclined original = new PaymentDeclined("declined", new java.io.IOException("reset"));

    Throwable rebuilt = roundTrip(original);

    assertEquals(PaymentDeclined.class.getName(), assertInstanceOf(RebuiltThrowable.class, rebuilt).originalType());
    assertEquals(printed(original), printed(rebuilt));
  }

  @Test
  void rebuild_afterSaveAndLoad_causeCycle() throws IOException {
    IllegalStateException a = new IllegalStateException("a");
    IllegalArgumentException b = new IllegalArgumentException("b", a);
    a.initCause(b);

    Throwable rebuilt = roundTrip(a);

    assertSame(rebuilt, rebuilt.getCause().getCause());
    assertEquals(printed(a), printed(rebuilt));
  }

  @Test
  void rebuild_afterSaveAndLoad_causeChain4000Deep() throws Exception {
    // As deep as save()'s default maxDumpBytes keeps whole (10,000 would be cut and counted).
    Throwable chain = onLargeStack(() -> {
      Throwable t = new IllegalStateException("level 0");
      for (int i = 1; i < 4_000; i++) {
        t = new RuntimeException("level " + i, t);
      }
      return t;
    });

    Throwable rebuilt = roundTrip(chain);

    assertEquals(onLargeStack(() -> printed(chain)), onLargeStack(() -> printed(rebuilt)));
  }

  @Test
  void load_afterSave_equalsTheCapturedDump() throws IOException {
    SQLException thrown = new SQLException("deadlock 😀", "40001", 1213);
    Path file = dir.resolve("json.dump");
    OfflineDebug.save(thrown, file);

    Dump loaded = OfflineDebug.load(file);

    Dump captured = new DumpCapture(CaptureLimits.DEFAULTS, null).capture(loaded.id(), thrown,
        new LoggedEvent(loaded.time(), null, null, null, ThreadInfo.current(), Map.of(), List.of(), Map.of()));
    assertEquals(captured, loaded);
    assertEquals(JsonExport.toJson(captured), JsonExport.toJson(loaded));
  }
}
