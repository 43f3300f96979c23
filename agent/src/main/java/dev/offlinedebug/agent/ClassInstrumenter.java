package dev.offlinedebug.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class file: every method that can throw gets handlers that record its locals (see
 * {@link MethodInstrumenter}). Methods it leaves alone are copied byte for byte by ASM, and so are
 * the constant pool and every attribute: retransformation allows changes to method bodies only.
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
    int[] codeSizes = CodeSizes.ofInstrumentable(reader);
    if (!hasInstrumentableCode(codeSizes)) {
      return null;
    }
    Planner planner = new Planner(reader.getClassName(), codeSizes);
    reader.accept(planner, 0);
    if (!planner.changedAny) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new Replacer(writer, planner.changed), 0);
    AgentReport.CLASSES_INSTRUMENTED.increment();
    return writer.toByteArray();
  }

  /**
   * Whether any method but the static initialiser has code: spares interfaces, annotations and
   * other classes with nothing to instrument the whole read and write.
   */
  private static boolean hasInstrumentableCode(int[] codeSizes) {
    for (int size : codeSizes) {
      if (size >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * First pass: reads each method that may be instrumented into a {@link MethodNode} and keeps the
   * ones the {@link MethodInstrumenter} changed. Writes nothing, so that a class or method left
   * alone costs no rewrite. Methods are known by their position, as ASM visits them in class-file
   * order.
   */
  private final class Planner extends ClassVisitor {
    private final String owner;
    private final String className;
    private final int[] codeSizes;
    /** Fields this class declares, as {@link MethodInstrumenter} keys them. */
    private final Set<String> ownFields = new HashSet<>();
    /** By position; null for a method left alone. */
    final MethodNode[] changed;
    boolean changedAny;
    private int position = -1;

    Planner(String owner, int[] codeSizes) {
      super(Opcodes.ASM9);
      this.owner = owner;
      this.className = owner.replace('/', '.');
      this.codeSizes = codeSizes;
      this.changed = new MethodNode[codeSizes.length];
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
      int codeSize = codeSizes[method];
      if ((access & skipped) != 0 || codeSize < 0) {
        return null;
      }
      return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
        @Override
        public void visitEnd() {
          if (new MethodInstrumenter(owner, className, ownFields, this, codeSize, inliningGuard)
              .instrument()) {
            changed[method] = this;
            changedAny = true;
          }
        }
      };
    }
  }

  /**
   * Second pass: writes the changed methods from their nodes; ASM copies every other method byte
   * for byte without parsing it, since the writer shares the reader's constant pool.
   */
  private static final class Replacer extends ClassVisitor {
    private final MethodNode[] changed;
    private int position = -1;

    Replacer(ClassWriter writer, MethodNode[] changed) {
      super(Opcodes.ASM9, writer);
      this.changed = changed;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
      MethodNode node = changed[++position];
      if (node == null) {
        return target;
      }
      node.accept(target);
      return null;
    }
  }
}
