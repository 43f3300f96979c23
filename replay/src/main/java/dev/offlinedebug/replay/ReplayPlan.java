package dev.offlinedebug.replay;

import dev.offlinedebug.model.ArrayValue;
import dev.offlinedebug.model.CompositeValue;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ObjectValue;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.replay.FrameModel.Kind;
import dev.offlinedebug.replay.FrameModel.LocalModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one replay generates: the classes, and the replayed frames outermost first, each calling
 * the next. Frames of JDK classes are left out of the replayed stack: only the JDK may define
 * classes in its packages (and such frames carry no captured locals); the frame that called into
 * the JDK then throws at its own line.
 */
final class ReplayPlan {
  final Map<String, ClassModel> classes = new LinkedHashMap<>();
  final List<FrameModel> frames = new ArrayList<>();
  final ValueTypes types;
  private final Map<Integer, CompositeValue> values;

  private ReplayPlan(Map<Integer, CompositeValue> values) {
    this.values = values;
    this.types = new ValueTypes(values, classes);
  }

  /** The plan that replays the stack of {@code thrown}, one of the throwables of {@code exception}. */
  static ReplayPlan of(ThrowableGraph exception, ThrowableInfo thrown) {
    ReplayPlan plan = new ReplayPlan(exception.valuesById());
    List<FrameInfo> infos = replayedFrames(thrown);
    for (FrameInfo info : infos) {
      ClassModel owner = plan.classFor(TypeNames.legalClassName(info.className()));
      if (owner.sourceFile == null) {
        owner.sourceFile = info.fileName();
      }
    }
    plan.addStandIns();
    List<Value> receivers = new ArrayList<>();
    infos.forEach(info -> receivers.add(plan.adoptReceiver(info)));
    plan.moveInheritedFields();
    for (int i = 0; i < infos.size(); i++) {
      plan.addFrame(i, infos.get(i), receivers.get(i));
    }
    return plan;
  }

  /** The frames replay generates, outermost first: those of non-JDK classes. */
  static List<FrameInfo> replayedFrames(ThrowableInfo thrown) {
    List<FrameInfo> frames = new ArrayList<>();
    for (FrameInfo f : thrown.frames()) {
      if (!JdkTypes.isReservedName(f.className())) {
        frames.add(0, f);
      }
    }
    return frames;
  }

  private ClassModel classFor(String name) {
    return classes.computeIfAbsent(name, ClassModel::new);
  }

  private void addStandIns() {
    for (CompositeValue v : values.values()) {
      if (v instanceof ObjectValue o) {
        ClassModel c = classFor(ValueTypes.standInName(o.type()));
        o.fields().forEach((name, value) -> c.addField(TypeNames.legalMemberName(name), typeOfField(value)));
      } else if (v instanceof ArrayValue a) {
        String element = TypeNames.elementOf(TypeNames.sourceForm(a.type()));
        if (!JdkTypes.isPrimitive(element) && !JdkTypes.isReservedName(element)) {
          classFor(ValueTypes.standInName(element));
        }
      }
    }
  }

  private static String typeOfField(Value value) {
    return value instanceof PrimitiveValue p && JdkTypes.isPrimitive(p.type()) ? p.type() : TypeNames.OBJECT;
  }

  /**
   * The captured {@code this} of {@code info} when the replay can use it as the receiver: an object
   * of the frame's class, or of a subclass, which then extends the frame's generated class (so a
   * frame of an inherited method runs on an object of the original runtime class). For a
   * constructor it is the template whose fields the new object copies.
   */
  private Value adoptReceiver(FrameInfo info) {
    Value captured = thisOf(info);
    if (captured == null || !(types.resolve(captured) instanceof ObjectValue o)) {
      return null;
    }
    String frameClass = TypeNames.legalClassName(info.className());
    ClassModel runtime = classes.get(ValueTypes.standInName(o.type()));
    if (!runtime.name.equals(frameClass)
        && runtime.superName.equals(TypeNames.OBJECT)
        && !isSubclassOrSame(frameClass, runtime.name)) {
      runtime.superName = frameClass;
    }
    if (!isSubclassOrSame(runtime.name, frameClass)) {
      return null;
    }
    if (info.methodName().equals("<init>")) {
      // A constructor frame runs on a new object of its own class: give that class every field.
      ClassModel declaring = classes.get(frameClass);
      runtime.fields.forEach(declaring::addField);
    }
    return captured;
  }

  private static Value thisOf(FrameInfo info) {
    for (LocalVariable l : info.locals()) {
      if (l.name().equals("this")) {
        return l.value();
      }
    }
    return null;
  }

  private boolean isSubclassOrSame(String name, String ancestor) {
    for (ClassModel c = classes.get(name); c != null; c = classes.get(c.superName)) {
      if (c.name.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** A field observed on objects of a subclass but declared by a generated ancestor stays there. */
  private void moveInheritedFields() {
    for (ClassModel c : classes.values()) {
      Iterator<Map.Entry<String, String>> it = c.fields.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, String> field = it.next();
        ClassModel declaring = topmostDeclaring(c, field.getKey());
        if (declaring != c) {
          declaring.addField(field.getKey(), field.getValue());
          it.remove();
        }
      }
    }
  }

  private ClassModel topmostDeclaring(ClassModel c, String field) {
    ClassModel declaring = c;
    for (ClassModel a = classes.get(c.superName); a != null; a = classes.get(a.superName)) {
      if (a.fields.containsKey(field)) {
        declaring = a;
      }
    }
    return declaring;
  }

  /** Every field of {@code c}, its ancestors' first. */
  List<String> allFields(ClassModel c) {
    List<String> names = new ArrayList<>();
    for (ClassModel a = c; a != null; a = classes.get(a.superName)) {
      names.addAll(0, a.fields.keySet());
    }
    return names;
  }

  /** The declared type of field {@code name} as seen from {@code c}. */
  String fieldType(ClassModel c, String name) {
    for (ClassModel a = c; a != null; a = classes.get(a.superName)) {
      String type = a.fields.get(name);
      if (type != null) {
        return type;
      }
    }
    throw new IllegalArgumentException(c.name + " has no field " + name);
  }

  private void addFrame(int frameIndex, FrameInfo info, Value receiver) {
    ClassModel owner = classes.get(TypeNames.legalClassName(info.className()));
    Kind kind =
        info.methodName().equals("<init>")
            ? Kind.CONSTRUCTOR
            : thisOf(info) != null ? Kind.INSTANCE : Kind.STATIC;
    String methodName =
        kind == Kind.CONSTRUCTOR ? "<init>" : TypeNames.legalMemberName(info.methodName());
    List<LocalModel> locals = new ArrayList<>();
    for (LocalVariable l : info.locals()) {
      if (!l.name().equals("this")) {
        locals.add(new LocalModel(l.name(), declaredType(l), l.value()));
      }
    }
    FrameModel frame = new FrameModel(frameIndex, info, owner, methodName, kind, locals);
    frame.receiver = receiver;
    if (!frames.isEmpty()) {
      frames.get(frames.size() - 1).next = frame;
    }
    frames.add(frame);
    owner.addFrame(frame);
  }

  /**
   * The original declared type when generated code can name it and the replayed value fits it;
   * else the value's own class; else {@code Object}.
   */
  private String declaredType(LocalVariable local) {
    String declared = TypeNames.sourceForm(local.type());
    Value value = local.value();
    if (JdkTypes.isPrimitive(declared)) {
      if (value instanceof PrimitiveValue p && p.type().equals(declared)) {
        return declared;
      }
    } else if (types.isNameable(declared)) {
      String target = types.target(value);
      if (target == null || types.isAssignable(declared, target)) {
        return declared;
      }
    }
    String target = types.target(value);
    return target != null && types.isNameable(target) ? target : TypeNames.OBJECT;
  }
}
