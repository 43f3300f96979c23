package dev.offlinedebug.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayReference;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
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
import dev.offlinedebug.internal.rebuild.ThrowableRebuilder;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableValue;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks what a JDI client sees in a replay JVM against the dump it replays. */
final class JdiFrameAssertions {
  private static final int MAX_DEPTH = 8;

  private final ValueTypes index;
  /** The class each throwable of the graph is rebuilt into; null where replay uses a stand-in. */
  private final String[] rebuiltTypes;
  /** Throwables of the replay JVM by graph index, where the test knows them ({@link #logged}). */
  private final Map<Integer, ObjectReference> replayedThrowables = new HashMap<>();

  JdiFrameAssertions(ThrowableGraph exception) {
    index = new ValueTypes(exception.valuesById(), new HashMap<>());
    Throwable[] rebuilt = Replayer.rebuiltByIndex(exception, ThrowableRebuilder.rebuild(exception));
    rebuiltTypes = new String[rebuilt.length];
    for (int i = 0; i < rebuilt.length; i++) {
      rebuiltTypes[i] = rebuilt[i] == null ? null : rebuilt[i].getClass().getName();
    }
  }

  /** The replayed logged throwable: locals holding it, or its cause, must hold these very objects. */
  JdiFrameAssertions logged(ObjectReference thrown) {
    replayedThrowables.put(0, thrown);
    replayedThrowables.put(1, (ObjectReference) thrown.getValue(thrown.referenceType().fieldByName("cause")));
    return this;
  }

  /** Every replayed frame of {@code replayed}, innermost first, is the top of {@code thread}'s stack. */
  void assertFrames(ThrowableInfo replayed, ThreadReference thread)
      throws IncompatibleThreadStateException, AbsentInformationException {
    List<FrameInfo> expected = new ArrayList<>(ReplayPlan.replayedFrames(replayed));
    java.util.Collections.reverse(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertFrame(expected.get(i), thread.frame(i));
    }
  }

  private void assertFrame(FrameInfo expected, StackFrame frame) throws AbsentInformationException {
    Location location = frame.location();
    String where = expected.className() + "." + expected.methodName() + ":" + expected.line();
    String declaringType = TypeNames.legalClassName(expected.className());
    assertEquals(declaringType, location.declaringType().name(), where);
    assertEquals(expected.methodName().equals("<clinit>") ? "$clinit$" : expected.methodName(),
        location.method().name(), where);
    if (expected.fileName() == null) {
      assertThrows(AbsentInformationException.class, location::sourceName, where);
    } else {
      assertEquals(expected.fileName(), location.sourceName(), where);
    }
    assertEquals(expected.line() > 0 ? expected.line() : -1, location.lineNumber(), where);
    List<String> expectedNames = new ArrayList<>();
    for (LocalVariable local : expected.locals()) {
      if (!local.name().equals("this")) {
        expectedNames.add(local.name());
        assertValue(where + " " + local.name(), local.value(),
            frame.getValue(frame.visibleVariableByName(local.name())), 0);
      } else if (expected.methodName().equals("<init>")) {
        // A constructor frame's this is a new object of the declaring class with the captured fields.
        ObjectValue captured = (ObjectValue) index.resolve(local.value());
        assertFields(where + " this", captured, declaringType, frame.thisObject(), 0);
      } else {
        assertValue(where + " this", local.value(), frame.thisObject(), 0);
      }
    }
    List<String> names = frame.visibleVariables().stream().map(com.sun.jdi.LocalVariable::name).toList();
    assertEquals(expectedNames, names, where);
  }

  private void assertFields(String path, ObjectValue o, String type, com.sun.jdi.Value actual, int depth) {
    ObjectReference object = assertObject(path, actual);
    assertEquals(type, object.referenceType().name(), path);
    o.fields().forEach((name, fieldValue) -> assertValue(path + "." + name, fieldValue,
        object.getValue(object.referenceType().fieldByName(name)), depth + 1));
  }

  /** Primitives and strings exactly, objects field by field, collections by class and size. */
  void assertValue(String path, Value expected, com.sun.jdi.Value actual, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Value value = index.resolve(expected);
    assertNotNull(value, path + ": the dump holds the object " + expected + " refers to");
    if (value instanceof NullValue) {
      assertNull(actual, path);
    } else if (value instanceof PrimitiveValue p) {
      assertPrimitive(path, p, actual);
    } else if (value instanceof StringValue s) {
      assertString(path, s.truncated() ? s.value() + ValueMaterializer.TRUNCATED : s.value(), actual);
    } else if (value instanceof OmittedValue o) {
      assertString(path, o.reason().marker(), actual);
    } else if (value instanceof TextValue t && JdkValues.parse(t.type(), t.text()).isPresent()) {
      assertEquals(t.type(), assertObject(path, actual).referenceType().name(), path);
    } else if (value instanceof TextValue t) {
      assertString(path, t.text(), actual);
    } else if (value instanceof ThrowableValue t) {
      ObjectReference object = assertObject(path, actual);
      String type = t.index() < rebuiltTypes.length ? rebuiltTypes[t.index()] : null;
      assertEquals(type == null ? RebuiltThrowable.class.getName() : type, object.referenceType().name(), path);
      if (replayedThrowables.containsKey(t.index())) {
        assertEquals(replayedThrowables.get(t.index()), object, path + " is the replayed throwable itself");
      }
    } else if (value instanceof ObjectValue o) {
      assertFields(path, o, ValueTypes.standInName(o.type()), actual, depth);
    } else if (value instanceof ArrayValue a && a.type().endsWith("[]")) {
      assertArray(path, a, actual, depth);
    } else if (value instanceof ArrayValue a) {
      assertContainer(path, a.type(), a.elements().size() + marker(a.type(), a.truncated()), actual);
    } else if (value instanceof MapValue m) {
      assertContainer(path, m.type(), m.entries().size() + marker(m.type(), m.truncated()), actual);
    }
  }

  /** Cut collections and maps end with a marker, unless they sort their elements. */
  private static int marker(String type, boolean truncated) {
    return truncated && !ValueTypes.isComparing(JdkTypes.load(type).orElseThrow()) ? 1 : 0;
  }

  private static void assertPrimitive(String path, PrimitiveValue p, com.sun.jdi.Value actual) {
    assertNotNull(actual, path);
    if (JdkTypes.isPrimitive(p.type())) {
      assertEquals(p.type(), actual.type().name(), path);
      assertEquals(String.valueOf(p.value()), actual.toString(), path);
    } else {
      ObjectReference box = assertObject(path, actual);
      assertEquals(p.type(), box.referenceType().name(), path);
      assertEquals(String.valueOf(p.value()),
          box.getValue(box.referenceType().fieldByName("value")).toString(), path);
    }
  }

  private static void assertString(String path, String expected, com.sun.jdi.Value actual) {
    assertEquals(expected, assertInstanceOf(StringReference.class, actual, path).value(), path);
  }

  private static ObjectReference assertObject(String path, com.sun.jdi.Value actual) {
    return assertInstanceOf(ObjectReference.class, actual, path);
  }

  private void assertArray(String path, ArrayValue a, com.sun.jdi.Value actual, int depth) {
    ArrayReference array = assertInstanceOf(ArrayReference.class, actual, path);
    boolean marked = a.truncated() && !JdkTypes.isPrimitive(TypeNames.componentOf(a.type()));
    assertEquals(a.elements().size() + (marked ? 1 : 0), array.length(), path);
    for (int i = 0; i < a.elements().size(); i++) {
      assertValue(path + "[" + i + "]", a.elements().get(i), array.getValue(i), depth + 1);
    }
    if (marked) {
      assertString(path + "[end]", ValueMaterializer.TRUNCATED, array.getValue(a.elements().size()));
    }
  }

  private static void assertContainer(String path, String type, int size, com.sun.jdi.Value actual) {
    ObjectReference container = assertObject(path, actual);
    assertEquals(type, container.referenceType().name(), path);
    assertEquals(String.valueOf(size),
        container.getValue(container.referenceType().fieldByName("size")).toString(), path);
  }
}
