package dev.offlinedebug.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    Map<String, Integer> codeSizes = CodeSizes.of(reader);
    if (!hasInstrumentableCode(codeSizes)) {
      return null;
    }
    Planner planner = new Planner(reader.getClassName(), codeSizes);
    reader.accept(planner, 0);
    if (planner.changed.isEmpty()) {
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
  private static boolean hasInstrumentableCode(Map<String, Integer> codeSizes) {
    for (String method : codeSizes.keySet()) {
      if (!method.startsWith("<clinit>")) {
        return true;
      }
    }
    return false;
  }

  /**
   * First pass: reads each method that may be instrumented into a {@link MethodNode} and keeps the
   * ones the {@link MethodInstrumenter} changed. Writes nothing, so that a class or method left
   * alone costs no rewrite.
   */
  private final class Planner extends ClassVisitor {
    private final String owner;
    private final Map<String, Integer> codeSizes;
    /** Fields this class declares, as {@link MethodInstrumenter} keys them. */
    private final Set<String> ownFields = new HashSet<>();
    final Map<String, MethodNode> changed = new HashMap<>();

    Planner(String owner, Map<String, Integer> codeSizes) {
      super(Opcodes.ASM9);
      this.owner = owner;
      this.codeSizes = codeSizes;
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
      int skipped = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
      if ((access & skipped) != 0 || name.equals("<clinit>")) {
        return null;
      }
      String key = name + descriptor;
      Integer codeSize = codeSizes.get(key);
      if (codeSize == null) {
        return null;
      }
      return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
        @Override
        public void visitEnd() {
          if (new MethodInstrumenter(owner, ownFields, this, codeSize, inliningGuard).instrument()) {
            changed.put(key, this);
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
    private final Map<String, MethodNode> changed;

    Replacer(ClassWriter writer, Map<String, MethodNode> changed) {
      super(Opcodes.ASM9, writer);
      this.changed = changed;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
      MethodNode node = changed.get(name + descriptor);
      if (node == null) {
        return target;
      }
      node.accept(target);
      return null;
    }
  }
}
