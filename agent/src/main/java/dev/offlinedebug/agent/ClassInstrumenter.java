package dev.offlinedebug.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class file: every method that can throw gets handlers that record its locals (see
 * {@link MethodInstrumenter}), appended to its code (see {@link CodeSplicer}). Methods it leaves
 * alone are copied byte for byte by ASM, and so are the constant pool and every attribute:
 * retransformation allows changes to method bodies only.
 */
final class ClassInstrumenter {
  /** Invokedynamic needs class files of Java 7 or later. */
  private static final int MIN_MAJOR_VERSION = Opcodes.V1_7;
  private static final int MAJOR_VERSION_OFFSET = 6;

  private final boolean inliningGuard;

  ClassInstrumenter(boolean inliningGuard) {
    this.inliningGuard = inliningGuard;
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
    if (planner.writer == null) {
      return null;
    }
    boolean skipCode = CodeSizes.copiesUnchanged(reader, planner.writer, planner.changed,
        planner.buffer());
    reader.accept(new Replacer(planner.writer, planner.changed),
        skipCode ? ClassReader.SKIP_CODE : 0);
    AgentReport.CLASSES_INSTRUMENTED.increment();
    return planner.writer.toByteArray();
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
   * First pass: reads each method that may be instrumented, and is not {@link ThrowFreeCode}, into
   * a {@link MethodNode} and splices the handlers of the ones the {@link MethodInstrumenter} changes
   * onto their code. Methods are known by their position, as ASM visits them in class-file order.
   * Creates the writer, which shares the reader's constant pool, only when a method changes: a
   * class left alone costs no write.
   */
  private final class Planner extends ClassVisitor {
    private final ClassReader reader;
    private final String owner;
    private final int[] codeAttributes;
    /** Fields this class declares, as {@link MethodInstrumenter} keys them. */
    private final Set<String> ownFields = new HashSet<>();
    /** By position, the new {@code Code} attribute; null for a method left alone. */
    final Attribute[] changed;
    ClassWriter writer;
    private char[] buffer;
    private int position = -1;

    Planner(ClassReader reader, int[] codeAttributes) {
      super(Opcodes.ASM9);
      this.reader = reader;
      this.owner = reader.getClassName();
      this.codeAttributes = codeAttributes;
      this.changed = new Attribute[codeAttributes.length];
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
              .instrument(offsets -> new CodeSplicer(reader, codeAttribute, writer(), this,
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

    private ClassWriter writer() {
      if (writer == null) {
        writer = new ClassWriter(reader, 0);
      }
      return writer;
    }
  }

  /**
   * The parts of a method the analysis reads: its instructions, frames and exception table.
   * Annotations, parameters and other attributes are dropped as they are read (ASM skips an
   * annotation's values when no visitor takes them), and the line and local variable tables are not
   * read at all ({@link ClassReader#SKIP_DEBUG}: no label node per line or variable bound; the
   * analysis reads the local variable table from the class file): the second pass copies them
   * from the class file, and nothing of the first pass depends on them.
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

  /**
   * Second pass: gives each changed method its new {@code Code} attribute instead of its code as
   * read. ASM copies every other method byte for byte without parsing it, since the writer shares
   * the reader's constant pool, but not quite all: it falls back to reading and writing a few
   * (see {@link CodeSizes#copiesUnchanged}), and only when there is none is the code skipped while
   * reading. Reading the changed methods' code again only to drop it was a tenth of the
   * instrumenter's time.
   */
  private static final class Replacer extends ClassVisitor {
    private final Attribute[] changed;
    private int position = -1;

    Replacer(ClassWriter writer, Attribute[] changed) {
      super(Opcodes.ASM9, writer);
      this.changed = changed;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
      Attribute code = changed[++position];
      if (code == null) {
        return target;
      }
      return new CodeReplacer(target, code);
    }
  }

  /**
   * Passes a method's parameters, annotations and attributes on to its writer, and nothing of its
   * code (a visitor without delegate ignores every event it does not override): {@code code}
   * replaces it.
   */
  private static final class CodeReplacer extends MethodVisitor {
    private final MethodVisitor target;
    private final Attribute code;

    CodeReplacer(MethodVisitor target, Attribute code) {
      super(Opcodes.ASM9);
      this.target = target;
      this.code = code;
    }

    @Override
    public void visitParameter(String name, int access) {
      target.visitParameter(name, access);
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
      return target.visitAnnotationDefault();
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      return target.visitAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath,
        String descriptor, boolean visible) {
      return target.visitTypeAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
      target.visitAnnotableParameterCount(parameterCount, visible);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor,
        boolean visible) {
      return target.visitParameterAnnotation(parameter, descriptor, visible);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
      target.visitAttribute(attribute);
    }

    @Override
    public void visitEnd() {
      target.visitAttribute(code);
      target.visitEnd();
    }
  }
}
