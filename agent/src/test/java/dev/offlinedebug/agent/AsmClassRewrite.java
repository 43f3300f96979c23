package dev.offlinedebug.agent;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;

/**
 * The oracle for {@link ClassFileSplice}: the instrumented class as the agent wrote it before, with
 * ASM's {@link ClassWriter} sharing the reader's constant pool. Its SymbolTable chooses every
 * constant-pool index and bootstrap method; ASM then writes the class anew, methods it can copy
 * byte for byte copied, the rest re-encoded (attributes in ASM's order, constants looked up again).
 */
final class AsmClassRewrite implements ClassRewrite {
  private final ClassReader reader;
  private final ClassWriter writer;

  AsmClassRewrite(ClassReader reader, int[] codeAttributes) {
    this.reader = reader;
    this.writer = new ClassWriter(reader, 0);
  }

  @Override
  public int newClass(String internalName) {
    return writer.newClass(internalName);
  }

  @Override
  public int newUtf8(String value) {
    return writer.newUTF8(value);
  }

  @Override
  public int newInvokeDynamic(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    return writer.newInvokeDynamic(name, descriptor, bootstrap, arguments);
  }

  @Override
  public byte[] toByteArray(byte[][] codes) {
    reader.accept(new Replacer(writer, codes), 0);
    return writer.toByteArray();
  }

  /** Gives each changed method its new {@code Code} attribute instead of its code as read. */
  private static final class Replacer extends ClassVisitor {
    private final byte[][] codes;
    private int position = -1;

    Replacer(ClassWriter writer, byte[][] codes) {
      super(Opcodes.ASM9, writer);
      this.codes = codes;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
      byte[] code = codes[++position];
      return code == null ? target : new CodeReplacer(target, code);
    }
  }

  /**
   * Passes a method's parameters, annotations and attributes on, and nothing of its code (a visitor
   * without delegate ignores every event it does not override): {@code code} replaces it.
   */
  private static final class CodeReplacer extends MethodVisitor {
    private final MethodVisitor target;
    private final byte[] code;
    /** Past visitCode, attributes are the code's own, which stay in it. */
    private boolean inCode;

    CodeReplacer(MethodVisitor target, byte[] code) {
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
      if (!inCode) {
        target.visitAttribute(attribute);
      }
    }

    @Override
    public void visitCode() {
      inCode = true;
    }

    @Override
    public void visitEnd() {
      target.visitAttribute(new Attribute("Code") {
        @Override
        protected ByteVector write(ClassWriter classWriter, byte[] bytes, int length,
            int maxStack, int maxLocals) {
          return new ByteVector(code.length).putByteArray(code, 0, code.length);
        }
      });
      target.visitEnd();
    }
  }
}
