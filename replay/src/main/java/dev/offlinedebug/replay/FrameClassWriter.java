package dev.offlinedebug.replay;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import dev.offlinedebug.replay.FrameModel.Kind;
import dev.offlinedebug.replay.FrameModel.LocalModel;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes the bytecode of one generated class.
 *
 * <p>A frame method dispatches on its frame-index argument, so one method serves every frame of the
 * same original method (recursion, overloads). Each frame's code block carries the frame's original
 * line; it loads the captured values from the class's values array into locals that the
 * LocalVariableTable names as the original variables (visible from the call onwards), then calls
 * the next frame, or, in the innermost frame, throws the rebuilt throwable. Blocks never fall into
 * one another, so no stack map frame merges types of generated classes.
 */
final class FrameClassWriter {
  private static final String VALUES_DESCRIPTOR = "[Ljava/lang/Object;";
  private static final Map<Integer, String> BOXES =
      Map.of(
          Type.BOOLEAN, "java/lang/Boolean", Type.CHAR, "java/lang/Character",
          Type.BYTE, "java/lang/Byte", Type.SHORT, "java/lang/Short", Type.INT, "java/lang/Integer",
          Type.FLOAT, "java/lang/Float", Type.LONG, "java/lang/Long", Type.DOUBLE, "java/lang/Double");

  private final ReplayPlan plan;

  FrameClassWriter(ReplayPlan plan) {
    this.plan = plan;
  }

  byte[] write(ClassModel c) {
    ClassWriter cw =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String type1, String type2) {
            return "java/lang/Object";
          }
        };
    String internal = TypeNames.internalName(c.name);
    cw.visit(V17, ACC_PUBLIC | ACC_SUPER, internal, null, TypeNames.internalName(c.superName), null);
    if (c.sourceFile != null) {
      cw.visitSource(c.sourceFile, null);
    }
    for (Map.Entry<String, String> field : c.fields.entrySet()) {
      cw.visitField(ACC_PUBLIC, field.getKey(), TypeNames.descriptor(field.getValue()), null, null)
          .visitEnd();
    }
    cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC, ClassModel.VALUES_FIELD, VALUES_DESCRIPTOR, null, null)
        .visitEnd();
    writeNoArgConstructor(cw, c);
    for (Map.Entry<ClassModel.MethodKey, List<FrameModel>> method : c.methods.entrySet()) {
      writeFrameMethod(cw, c, method.getKey().kind(), method.getValue());
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void writeNoArgConstructor(ClassWriter cw, ClassModel c) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, TypeNames.internalName(c.superName), "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void writeFrameMethod(ClassWriter cw, ClassModel c, Kind kind, List<FrameModel> frames) {
    FrameModel first = frames.get(0);
    boolean isStatic = kind == Kind.STATIC;
    MethodVisitor mv =
        cw.visitMethod(ACC_PUBLIC | (isStatic ? ACC_STATIC : 0), first.methodName, first.descriptor(), null, null);
    mv.visitCode();
    Label methodStart = new Label();
    mv.visitLabel(methodStart);
    if (kind == Kind.CONSTRUCTOR) {
      copyFieldsFromTemplate(mv, c);
    }
    int indexSlot = isStatic ? 0 : 1;
    int firstLocalSlot = isStatic ? 1 : 3;
    Label unknownFrame = new Label();
    int[] keys = new int[frames.size()];
    Label[] blocks = new Label[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      keys[i] = frames.get(i).index;
      blocks[i] = new Label();
    }
    mv.visitVarInsn(ILOAD, indexSlot);
    mv.visitLookupSwitchInsn(unknownFrame, keys, blocks);
    for (int i = 0; i < frames.size(); i++) {
      writeFrameBlock(mv, frames.get(i), blocks[i], firstLocalSlot);
    }
    mv.visitLabel(unknownFrame);
    mv.visitInsn(RETURN);
    Label methodEnd = new Label();
    mv.visitLabel(methodEnd);
    // Debuggers show no variables of a method without a LocalVariableTable ("information absent"):
    // the frame index gets an entry, but in scope only where no replayed frame ever is.
    mv.visitLocalVariable("$frame", "I", null, unknownFrame, methodEnd, indexSlot);
    if (!isStatic) {
      // JVMTI reads a frame's receiver through the LocalVariableTable once there is one.
      mv.visitLocalVariable("this", TypeNames.descriptor(c.name), null, methodStart, methodEnd, 0);
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** A constructor frame's {@code this} is new: it takes the captured fields from its template. */
  private void copyFieldsFromTemplate(MethodVisitor mv, ClassModel c) {
    String owner = TypeNames.internalName(c.name);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, TypeNames.internalName(c.superName), "<init>", "()V", false);
    for (String field : plan.allFields(c)) {
      String descriptor = TypeNames.descriptor(plan.fieldType(c, field));
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitFieldInsn(GETFIELD, owner, field, descriptor);
      mv.visitFieldInsn(PUTFIELD, owner, field, descriptor);
    }
  }

  private void writeFrameBlock(MethodVisitor mv, FrameModel frame, Label start, int firstLocalSlot) {
    String owner = TypeNames.internalName(frame.owner.name);
    mv.visitLabel(start);
    int line = frame.info.line();
    if (line > 0 && line <= 0xFFFF) {
      mv.visitLineNumber(line, start);
    }
    int slot = firstLocalSlot;
    int[] slots = new int[frame.locals.size()];
    for (int i = 0; i < frame.locals.size(); i++) {
      Type type = Type.getType(TypeNames.descriptor(frame.locals.get(i).type()));
      loadValue(mv, owner, frame.valueBase + i);
      convert(mv, type);
      mv.visitVarInsn(type.getOpcode(ISTORE), slot);
      slots[i] = slot;
      slot += type.getSize();
    }
    Label inScope = new Label();
    mv.visitLabel(inScope);
    int nextValue = frame.valueBase + frame.locals.size();
    FrameModel next = frame.next;
    if (next == null) {
      loadValue(mv, owner, nextValue);
      mv.visitTypeInsn(CHECKCAST, "java/lang/Throwable");
      mv.visitInsn(ATHROW);
    } else {
      callNext(mv, owner, nextValue, next);
      mv.visitInsn(RETURN);
    }
    Label end = new Label();
    mv.visitLabel(end);
    for (int i = 0; i < frame.locals.size(); i++) {
      LocalModel local = frame.locals.get(i);
      mv.visitLocalVariable(local.name(), TypeNames.descriptor(local.type()), null, inScope, end, slots[i]);
    }
  }

  private static void callNext(MethodVisitor mv, String owner, int receiverValue, FrameModel next) {
    String nextOwner = TypeNames.internalName(next.owner.name);
    switch (next.kind) {
      case STATIC -> {
        mv.visitLdcInsn(next.index);
        mv.visitMethodInsn(INVOKESTATIC, nextOwner, next.methodName, next.descriptor(), false);
      }
      case INSTANCE -> {
        loadValue(mv, owner, receiverValue);
        mv.visitTypeInsn(CHECKCAST, nextOwner);
        mv.visitLdcInsn(next.index);
        mv.visitInsn(ACONST_NULL);
        mv.visitMethodInsn(INVOKEVIRTUAL, nextOwner, next.methodName, next.descriptor(), false);
      }
      case CONSTRUCTOR -> {
        mv.visitTypeInsn(NEW, nextOwner);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(next.index);
        loadValue(mv, owner, receiverValue);
        mv.visitTypeInsn(CHECKCAST, nextOwner);
        mv.visitMethodInsn(INVOKESPECIAL, nextOwner, "<init>", next.descriptor(), false);
        mv.visitInsn(POP);
      }
    }
  }

  private static void loadValue(MethodVisitor mv, String owner, int position) {
    mv.visitFieldInsn(GETSTATIC, owner, ClassModel.VALUES_FIELD, VALUES_DESCRIPTOR);
    mv.visitLdcInsn(position);
    mv.visitInsn(AALOAD);
  }

  /** Casts or unboxes the loaded {@code Object} to {@code type}. */
  private static void convert(MethodVisitor mv, Type type) {
    if (type.getSort() == Type.OBJECT && type.getInternalName().equals("java/lang/Object")) {
      return;
    }
    if (type.getSort() >= Type.ARRAY) {
      mv.visitTypeInsn(CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName());
      return;
    }
    String box = BOXES.get(type.getSort());
    mv.visitTypeInsn(CHECKCAST, box);
    mv.visitMethodInsn(INVOKEVIRTUAL, box, type.getClassName() + "Value", "()" + type.getDescriptor(), false);
  }
}
