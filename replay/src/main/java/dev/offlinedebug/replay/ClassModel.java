package dev.offlinedebug.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One class replay generates: a class of the replayed stack (with one method per distinct
 * original method) and/or a stand-in for captured objects of that class (with their fields).
 */
final class ClassModel {
  /** Static field holding the values the class's frame methods load into their locals. */
  static final String VALUES_FIELD = "$offlinedebug$values";

  final String name;
  String superName = TypeNames.OBJECT;
  String sourceFile;
  /** Field name to source-form type: a primitive name, or {@code java.lang.Object}. */
  final Map<String, String> fields = new LinkedHashMap<>();
  /** Frames by generated method; frames of one method differ in their frame index. */
  final Map<MethodKey, List<FrameModel>> methods = new LinkedHashMap<>();
  /** Size of the {@link #VALUES_FIELD} array. */
  int valueCount;

  ClassModel(String name) {
    this.name = name;
  }

  void addFrame(FrameModel frame) {
    methods.computeIfAbsent(new MethodKey(frame.methodName, frame.kind), k -> new ArrayList<>())
        .add(frame);
    frame.valueBase = valueCount;
    valueCount += frame.locals.size() + 1;
  }

  /** Merges the type of one observed field value into the field's declared type. */
  void addField(String fieldName, String type) {
    fields.merge(fieldName, type, (a, b) -> a.equals(b) ? a : TypeNames.OBJECT);
  }

  /** A generated method: its name and kind make its descriptor. */
  record MethodKey(String name, FrameModel.Kind kind) {}
}
