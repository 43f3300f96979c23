package dev.offlinedebug.replay;

import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.Value;
import java.util.List;

/** One replayed frame: where its generated code lives and what it holds. */
final class FrameModel {
  /** How a frame's method is generated. */
  enum Kind {
    /** A static method {@code (I)V}: the argument is the frame index. */
    STATIC,
    /**
     * An instance method {@code (ILOwner;)V}. The unused second parameter keeps methods of a
     * generated subclass from overriding those of its superclass, so every call reaches the frame
     * it names.
     */
    INSTANCE,
    /** A constructor {@code (ILOwner;)V} that copies the fields of its second argument. */
    CONSTRUCTOR
  }

  final int index;
  final FrameInfo info;
  final ClassModel owner;
  final String methodName;
  final Kind kind;
  final List<LocalModel> locals;
  /** The captured {@code this}, or {@code null} for static frames and when it is not usable. */
  Value receiver;
  /** The frame this one calls, or {@code null} for the innermost, which throws. */
  FrameModel next;
  /** Where this frame's values start in its class's values array. */
  int valueBase;

  FrameModel(
      int index, FrameInfo info, ClassModel owner, String methodName, Kind kind,
      List<LocalModel> locals) {
    this.index = index;
    this.info = info;
    this.owner = owner;
    this.methodName = methodName;
    this.kind = kind;
    this.locals = locals;
  }

  /** The method descriptor of this frame's generated method. */
  String descriptor() {
    return kind == Kind.STATIC ? "(I)V" : "(I" + TypeNames.descriptor(owner.name) + ")V";
  }

  /**
   * A local variable of a replayed frame.
   *
   * @param name the original name
   * @param type source-form type the generated local is declared with
   * @param value the captured value
   */
  record LocalModel(String name, String type, Value value) {}
}
