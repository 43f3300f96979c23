package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.testing.SampleDumps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayerTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void replay_printsOriginalStackTrace(int cause) {
    Dump dump = SampleDumps.orderDump();
    Throwable rebuilt = dump.rebuild();
    Throwable expected = cause == 0 ? rebuilt : rebuilt.getCause();

    Throwable thrown = assertThrows(Throwable.class, () -> Replayer.replay(dump.exception(), cause, rebuilt));

    assertSame(expected, thrown);
    Throwable original = cause == 0 ? SampleDumps.orderOriginal() : SampleDumps.orderOriginal().getCause();
    assertEquals(printed(original), printed(thrown));
  }

  @Test
  void replay_unloadableTypeConstructorsAndInheritance() {
    Dump dump = SampleDumps.edgeDump();
    ThrowableInfo original = dump.exception().root();
    StringBuilder expected = new StringBuilder(original.description()).append(System.lineSeparator());
    original.frames().forEach(f -> expected.append("\tat ").append(f.toStackTraceElement()).append(System.lineSeparator()));

    Throwable thrown = assertThrows(Throwable.class, () -> Replayer.replay(dump.exception(), 0, dump.rebuild()));

    assertEquals(expected.toString(), printed(thrown));
  }

  @Test
  void replay_classNameTheJvmRejects() {
    FrameInfo frame = FrameInfo.of(new StackTraceElement("com..acme.Broken", "run", "Broken.java", 3));
    ThrowableGraph graph = new ThrowableGraph(List.of(new ThrowableInfo("java.lang.IllegalStateException", "x",
        "java.lang.IllegalStateException: x", List.of(frame), ThrowableInfo.NO_CAUSE, List.of(), Map.of())));

    IllegalStateException e = assertThrows(
        IllegalStateException.class, () -> Replayer.replay(graph, 0, new IllegalStateException("x")));

    assertTrue(e.getMessage().startsWith(
        "offline-debug cannot generate the frames replaying java.lang.IllegalStateException: "), e.getMessage());
  }

  @Test
  void replay_namesInJavaPackagesNoModuleHas() {
    FrameInfo reserved = FrameInfo.of(new StackTraceElement("java.evil.Importer", "open", "Importer.java", 3));
    FrameInfo app = FrameInfo.of(new StackTraceElement("com.acme.Main", "main", "Main.java", 9)).withLocals(List.of(
        new LocalVariable("thing", "java.evil.Thing", new ObjectValue(1, "java.evil.Thing", Map.of()))));
    ThrowableGraph graph = new ThrowableGraph(List.of(new ThrowableInfo("java.lang.IllegalStateException", "x",
        "java.lang.IllegalStateException: x", List.of(reserved, app), ThrowableInfo.NO_CAUSE, List.of(), Map.of())));
    IllegalStateException rebuilt = new IllegalStateException("x");

    Throwable thrown = assertThrows(Throwable.class, () -> Replayer.replay(graph, 0, rebuilt));

    assertSame(rebuilt, thrown);
  }

  @Test
  void replay_causeBeyondChain() {
    Dump dump = SampleDumps.orderDump();
    Throwable rebuilt = dump.rebuild();

    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Replayer.replay(dump.exception(), 2, rebuilt));

    assertEquals("the dump's exception has no cause 2; expected 0..1", e.getMessage());
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
