package dev.offlinedebug.internal.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.rebuild.denied.Tripwire;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RebuildAllowanceTest {
  private static final String TRIPWIRE = "dev.offlinedebug.internal.rebuild.denied.Tripwire";

  /** Remembers every class name it is asked for, and delegates. */
  private static final class RecordingLoader extends ClassLoader {
    final List<String> requested = new ArrayList<>();

    RecordingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }
  }

  @AfterEach
  void clearAllowance() {
    System.clearProperty(RebuildAllowance.PROPERTY);
  }

  private static Dump dumpOf(String type, String message) {
    FrameInfo frame = new FrameInfo("com.acme.Orders", "place", "Orders.java", 17, null, null, null, false, List.of());
    ThrowableInfo info = new ThrowableInfo(type, message, type + ": " + message, List.of(frame), -1, List.of(), Map.of());
    return new Dump("od-1", Instant.now(), "h", 1, "jvm", null, new ThreadInfo("main", 1, false, 5), null, null,
        null, Map.of(), List.of(), Map.of(), false, new ThrowableGraph(List.of(info)));
  }

  private static Throwable rebuildWith(RecordingLoader loader, Dump dump) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return dump.rebuild();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void rebuild_typeOutsideAllowance_neverLoadedNorInitialised() {
    RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

    Throwable rebuilt = rebuildWith(loader, dumpOf(TRIPWIRE, "boom"));

    RebuiltThrowable standIn = assertInstanceOf(RebuiltThrowable.class, rebuilt);
    assertEquals(TRIPWIRE, standIn.originalType());
    assertEquals(TRIPWIRE + ": boom", standIn.toString());
    assertEquals("Orders.java", standIn.getStackTrace()[0].getFileName());
    assertTrue(loader.requested.isEmpty(), "asked for " + loader.requested);
    assertNull(System.getProperty(Tripwire.PROPERTY), "the class was initialised");
  }

  @Test
  void rebuild_allowedPackage_loadsThroughContextLoader() {
    System.setProperty(RebuildAllowance.PROPERTY, " com.example , dev.offlinedebug.internal.rebuild.allowed.* ");
    RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

    Throwable rebuilt = rebuildWith(loader, dumpOf("dev.offlinedebug.internal.rebuild.allowed.OrderFailure", "ok"));

    assertEquals("dev.offlinedebug.internal.rebuild.allowed.OrderFailure", rebuilt.getClass().getName());
    assertEquals(List.of("dev.offlinedebug.internal.rebuild.allowed.OrderFailure"), loader.requested);
  }

  @Test
  void rebuild_jdkType_originalClassWithoutAllowance() {
    Throwable rebuilt = dumpOf("java.util.ConcurrentModificationException", "changed").rebuild();

    assertSame(java.util.ConcurrentModificationException.class, rebuilt.getClass());
    assertEquals("changed", rebuilt.getMessage());
  }

  @Test
  void rebuild_unknownOrNonThrowableType_standIn() {
    System.setProperty(RebuildAllowance.PROPERTY, "com.acme,java.lang");

    assertInstanceOf(RebuiltThrowable.class, dumpOf("com.acme.Missing", "gone").rebuild());
    assertInstanceOf(RebuiltThrowable.class, dumpOf("java.lang.String", "not a throwable").rebuild());
    assertInstanceOf(RebuiltThrowable.class, dumpOf("java.lang.VirtualMachineError", "abstract").rebuild());
  }

  @Test
  void rebuild_headerTheClassWouldNotPrint_standIn() {
    ThrowableInfo info = new ThrowableInfo("java.lang.IllegalStateException", "m", "custom header", List.of(), -1,
        List.of(), Map.of());
    Dump dump = new Dump("od-1", Instant.now(), "h", 1, "jvm", null, new ThreadInfo("main", 1, false, 5), null,
        null, null, Map.of(), List.of(), Map.of(), false, new ThrowableGraph(List.of(info)));

    Throwable rebuilt = dump.rebuild();

    assertInstanceOf(RebuiltThrowable.class, rebuilt);
    assertEquals("custom header", rebuilt.toString());
    assertEquals("m", rebuilt.getMessage());
  }
}
