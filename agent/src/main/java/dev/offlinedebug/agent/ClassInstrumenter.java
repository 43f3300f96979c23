package dev.offlinedebug.agent;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
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
    Map<String, Integer> codeSizes = CodeSizes.of(reader);
    if (!hasInstrumentableCode(codeSizes)) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    MethodsVisitor visitor = new MethodsVisitor(writer, reader.getClassName(), codeSizes);
    reader.accept(visitor, ClassReader.EXPAND_FRAMES);
    if (visitor.instrumented == 0) {
      return null;
    }
    AgentReport.CLASSES_INSTRUMENTED.increment();
    return writer.toByteArray();
  }

  /**
   * Whether any method but the static initialiser has code: spares interfaces, annotations and
   * other classes with nothing to instrument the whole read and write.
   */
  private static boolean hasInstrumentableCode(Map<String, Integer> codeSizes) {
    for (String method : codeSizes.keySet()) {
      if (!method.startsWith("<clinit>")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends each method that may be instrumented through a {@link MethodNode}, and every other method
   * straight to the writer. Relies on ASM calling {@code visitEnd} of a method's node before the
   * next {@code visitMethod}.
   */
  private final class MethodsVisitor extends ClassVisitor {
    private final String owner;
    private final Map<String, Integer> codeSizes;
    int instrumented;

    MethodsVisitor(ClassWriter writer, String owner, Map<String, Integer> codeSizes) {
      super(Opcodes.ASM9, writer);
      this.owner = owner;
      this.codeSizes = codeSizes;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
      int skipped = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
      if ((access & skipped) != 0 || name.equals("<clinit>")) {
        return target;
      }
      Integer codeSize = codeSizes.get(name + descriptor);
      if (codeSize == null) {
        return target;
      }
      return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
        @Override
        public void visitEnd() {
          if (new MethodInstrumenter(owner, this, codeSize, inliningGuard).instrument()) {
            instrumented++;
          }
          accept(target);
        }
      };
    }
  }
}
