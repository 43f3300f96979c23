package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.MapValue;
import dev.offlinedebug.model.NullValue;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.OmittedValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.testing.SampleDumpFiles;
import dev.offlinedebug.testing.SampleDumps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's command-line debugger, attached to a replay JVM, shows the dump's frames and locals. */
class ReplayUnderJdbTest {
  private static final Pattern WHERE_LINE = Pattern.compile("\\[(\\d+)\\] (\\S+)\\.([^.\\s]+) \\((\\S+):(\\d+)\\)");
  private static final Pattern VARIABLE_LINE = Pattern.compile("^\\s*(\\S+)(?: =|:) (.*)$", Pattern.MULTILINE);

  private ValueTypes index;

  @Test
  void replay_jdbShowsOriginalFramesAndLocals(@TempDir Path directory) throws Exception {
    int cause = 1;
    Path file = SampleDumpFiles.write(SampleDumps.orderDump(), directory);
    Dump dump = OfflineDebug.load(file);
    ThrowableInfo replayed = dump.exception().nthCause(cause).orElseThrow();
    index = new ValueTypes(dump.exception().valuesById(), new HashMap<>());
    List<FrameInfo> expected = new ArrayList<>(ReplayPlan.replayedFrames(replayed));
    Collections.reverse(expected);
    List<String> output = new CopyOnWriteArrayList<>();
    ReplayLauncher launcher = ReplayLauncher.start("localhost:0",
        List.of("--file", file.toString(), "--cause", String.valueOf(cause)), replayed.type(), output::add);
    try (JdbSession jdb = JdbSession.attach(launcher.address())) {
      jdb.awaitPrompt("VM Started");
      jdb.command("catch uncaught " + replayed.type(), "(?:Set|Deferring) uncaught");
      jdb.command("cont", "Exception occurred: " + Pattern.quote(replayed.type()));

      Matcher where = WHERE_LINE.matcher(jdb.command("where", "\\[1\\]"));
      for (FrameInfo frame : expected) {
        assertTrue(where.find(), "where lists " + frame);
        assertEquals(List.of(frame.className(), frame.methodName(), frame.fileName(), String.valueOf(frame.line())),
            List.of(where.group(2), where.group(3), where.group(4), where.group(5)));
      }
      for (int i = 0; i < expected.size(); i++) {
        if (i > 0) {
          jdb.command("up 1");
        }
        assertFrameVariables(jdb, expected.get(i));
      }
      jdb.command("cont");
      assertTrue(jdb.awaitExit(), "jdb ends with the replay JVM");
      assertEquals(1, launcher.waitFor());
    } finally {
      launcher.process().destroyForcibly();
    }
  }

  private void assertFrameVariables(JdbSession jdb, FrameInfo frame) throws Exception {
    Map<String, String> shown = variables(jdb.command("locals", "Local variables:"));
    List<String> expectedNames = new ArrayList<>();
    for (LocalVariable local : frame.locals()) {
      String name = local.name();
      if (!name.equals("this")) {
        expectedNames.add(name);
        assertShown(frame + " " + name, local.value(), shown.get(name));
      }
      if (index.resolve(local.value()) instanceof ObjectValue object) {
        Map<String, String> fields = variables(jdb.command("dump " + name, "\\}"));
        object.fields().forEach((field, value) ->
            assertShown(frame + " " + name + "." + field, value, fields.get(field)));
      }
    }
    assertEquals(expectedNames, new ArrayList<>(shown.keySet()), frame.toString());
  }

  private static Map<String, String> variables(String jdbOutput) {
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher m = VARIABLE_LINE.matcher(jdbOutput);
    while (m.find()) {
      if (!m.group(1).startsWith("$") && !m.group(2).equals("{")) {
        variables.put(m.group(1), m.group(2).trim());
      }
    }
    return variables;
  }

  /** How jdb prints a variable holding the replayed {@code expected}. */
  private void assertShown(String what, Value expected, String shown) {
    Value value = index.resolve(expected);
    assertNotNull(value, what + ": the dump holds the object " + expected + " refers to");
    String text;
    if (value instanceof NullValue) {
      text = "null";
    } else if (value instanceof PrimitiveValue p && JdkTypes.isPrimitive(p.type())) {
      text = String.valueOf(p.value());
    } else if (value instanceof PrimitiveValue p) {
      text = "instance of " + p.type() + "(id=";
    } else if (value instanceof StringValue s) {
      text = "\"" + s.value() + (s.truncated() ? ValueMaterializer.TRUNCATED : "") + "\"";
    } else if (value instanceof OmittedValue o) {
      text = "\"" + o.reason().marker() + "\"";
    } else if (value instanceof TextValue t) {
      text = "instance of " + t.type() + "(id=";
    } else if (value instanceof ObjectValue o) {
      text = "instance of " + ValueTypes.standInName(o.type()) + "(id=";
    } else if (value instanceof ArrayValue a && a.type().endsWith("[]")) {
      int length = a.elements().size() + (a.truncated() && !JdkTypes.isPrimitive(TypeNames.componentOf(a.type())) ? 1 : 0);
      text = "instance of " + TypeNames.componentOf(a.type()) + "[" + length + "] (id=";
    } else {
      text = "instance of " + (value instanceof MapValue m ? m.type() : ((ArrayValue) value).type()) + "(id=";
    }
    assertTrue(shown != null && shown.startsWith(text), what + ": expected " + text + "..., jdb shows " + shown);
  }
}
