package dev.offlinedebug.agent;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class file: every method that can throw gets handlers that record its locals (see
 * {@link MethodInstrumenter}), appended to its code (see {@link CodeSplicer}). All else is copied
 * byte for byte, constants only appended (see {@link ClassFileSplice}): retransformation allows
 * changes to method bodies only.
 */
final class ClassInstrumenter {
  /** Invokedynamic needs class files of Java 7 or later. */
  private static final int MIN_MAJOR_VERSION = Opcodes.V1_7;
  private static final int MAJOR_VERSION_OFFSET = 6;

  private final boolean inliningGuard;
  private final BiFunction<ClassReader, int[], ClassRewrite> rewrites;

  ClassInstrumenter(boolean inliningGuard) {
    this(inliningGuard, ClassFileSplice::new);
  }

  /** @param rewrites gives a class's rewrite from its reader and its methods' code attributes */
  ClassInstrumenter(boolean inliningGuard, BiFunction<ClassReader, int[], ClassRewrite> rewrites) {
    this.inliningGuard = inliningGuard;
    this.rewrites = rewrites;
  }

  /** @return the instrumented class file, or null when nothing in it was instrumented */
  byte[] instrument(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    if (reader.readUnsignedShort(MAJOR_VERSION_OFFSET) < MIN_MAJOR_VERSION
        || (reader.getAccess() & Opcodes.ACC_MODULE) != 0) {
      return null;
    }
    int[] codeAttributes = CodeSizes.codeAttributes(reader);
    if (!hasInstrumentableCode(codeAttributes)) {
      return null;
    }
    Planner planner = new Planner(reader, codeAttributes);
    reader.accept(planner, ClassReader.SKIP_DEBUG);
    if (planner.rewrite == null) {
      return null;
    }
    AgentReport.CLASSES_INSTRUMENTED.increment();
    return planner.rewrite.toByteArray(planner.changed);
  }

  /**
   * Whether any method but the static initialiser has code: spares interfaces, annotations and
   * other classes with nothing to instrument the whole read and write.
   */
  private static boolean hasInstrumentableCode(int[] codeAttributes) {
    for (int codeAttribute : codeAttributes) {
      if (codeAttribute >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads each method that may be instrumented, and is not {@link ThrowFreeCode}, into
   * a {@link MethodNode} and splices the handlers of the ones the {@link MethodInstrumenter} changes
   * onto their code. Methods are known by their position, as ASM visits them in class-file order.
   * Creates the rewrite only when a method changes: a class left alone costs no write.
   */
  private final class Planner extends ClassVisitor {
    private final ClassReader reader;
    private final String owner;
    private final int[] codeAttributes;
    /** Fields this class declares, as {@link MethodInstrumenter} keys them. */
    private final Set<String> ownFields = new HashSet<>();
    /** By position, the new {@code Code} attribute's content; null for a method left alone. */
    final byte[][] changed;
    ClassRewrite rewrite;
    private char[] buffer;
    private int position = -1;

    Planner(ClassReader reader, int[] codeAttributes) {
      super(Opcodes.ASM9);
      this.reader = reader;
      this.owner = reader.getClassName();
      this.codeAttributes = codeAttributes;
      this.changed = new byte[codeAttributes.length][];
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature,
        Object value) {
      ownFields.add(MethodInstrumenter.fieldKey((access & Opcodes.ACC_STATIC) != 0, name,
          descriptor));
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      int method = ++position;
      int skipped = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
      int codeAttribute = codeAttributes[method];
      if ((access & skipped) != 0 || codeAttribute < 0
          || ThrowFreeCode.isThrowFree(reader, owner, ownFields, access, name, codeAttribute,
              buffer())) {
        return null;
      }
      return new AnalysedMethod(access, name, descriptor, signature, exceptions) {
        @Override
        public void visitEnd() {
          changed[method] = new MethodInstrumenter(owner, ownFields, this, reader, codeAttribute,
              buffer(), inliningGuard)
              .instrument(offsets -> new CodeSplicer(reader, codeAttribute, rewrite(), this,
                  offsets, buffer()));
        }
      };
    }

    private char[] buffer() {
      if (buffer == null) {
        buffer = new char[reader.getMaxStringLength()];
      }
      return buffer;
    }

    private ClassRewrite rewrite() {
      if (rewrite == null) {
        rewrite = rewrites.apply(reader, codeAttributes);
      }
      return rewrite;
    }
  }

  /**
   * The parts of a method the analysis reads: its instructions, frames and exception table.
   * Annotations, parameters and other attributes are dropped as they are read (ASM skips an
   * annotation's values when no visitor takes them), and the line and local variable tables are not
   * read at all ({@link ClassReader#SKIP_DEBUG}: no label node per line or variable bound; the
   * analysis reads the local variable table from the class file): they are copied from the class
   * file, and nothing of the analysis depends on them.
   */
  private abstract static class AnalysedMethod extends MethodNode {
    AnalysedMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    }

    @Override
    public void visitParameter(String name, int access) {}

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
      return null;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      return null;
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath,
        String descriptor, boolean visible) {
      return null;
    }

    @Override
    public void visitAnnotableParameterCount(int parameterCount, boolean visible) {}

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor,
        boolean visible) {
      return null;
    }

    @Override
    public void visitAttribute(Attribute attribute) {}

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath,
        String descriptor, boolean visible) {
      return null;
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath,
        String descriptor, boolean visible) {
      return null;
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
        Label[] start, Label[] end, int[] index, String descriptor, boolean visible) {
      return null;
    }
  }
}
