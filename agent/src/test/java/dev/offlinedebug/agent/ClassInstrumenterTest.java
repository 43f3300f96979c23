package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fixture.agent.Accessors;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClassInstrumenterTest {
  @Test
  void instrument_leavesAccessesThatCannotFailAlone_andCopiesThoseMethodsUnchanged()
      throws Exception {
    byte[] original = classFile(Accessors.class);
    byte[] instrumented = new ClassInstrumenter(false).instrument(original);
    assertNotNull(instrumented);
    Map<String, Integer> before = CodeSizes.byMethod(new ClassReader(original));
    Map<String, Integer> after = CodeSizes.byMethod(new ClassReader(instrumented));
    for (String unchanged : new String[] {"<init>(ILjava/lang/String;)V", "getValue()I",
        "setLabel(Ljava/lang/String;)V", "next()I"}) {
      assertEquals(before.get(unchanged), after.get(unchanged), unchanged);
    }
    for (String changed : new String[] {"copyTo(Lfixture/agent/Accessors;)V", "labelLength()I"}) {
      assertNotEquals(before.get(changed), after.get(changed), changed);
    }
    Class<?> loaded = new ClassLoader(null) {
      Class<?> define() {
        return defineClass(Accessors.class.getName(), instrumented, 0, instrumented.length);
      }
    }.define();
    // Verification runs at link time; the constructor and the calls below link the class.
    Object accessors = loaded.getConstructor(int.class, String.class).newInstance(3, "abc");
    assertEquals(3, loaded.getMethod("labelLength").invoke(accessors));
  }

  /**
   * ASM's ClassWriter, which wrote the instrumented class before, did not copy a method with a
   * {@code Synthetic} attribute as it is: the code of such a method left alone stays.
   */
  @Test
  void instrument_keepsTheCodeOfAnUnchangedMethodWithASyntheticAttribute() throws Exception {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Synthetic", null,
        "java/lang/Object", null);
    MethodVisitor constant = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
        "constant", "()I", null, null);
    constant.visitAttribute(new Attribute("Synthetic") {
      @Override
      protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength,
          int maxStack, int maxLocals) {
        return new ByteVector();
      }
    });
    constant.visitCode();
    constant.visitIntInsn(Opcodes.BIPUSH, 42);
    constant.visitInsn(Opcodes.IRETURN);
    constant.visitMaxs(0, 0);
    constant.visitEnd();
    MethodVisitor hash = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "hash",
        "(Ljava/lang/Object;)I", null, null);
    hash.visitCode();
    hash.visitVarInsn(Opcodes.ALOAD, 0);
    hash.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
    hash.visitInsn(Opcodes.IRETURN);
    hash.visitMaxs(0, 0);
    hash.visitEnd();
    writer.visitEnd();
    byte[] original = writer.toByteArray();

    byte[] instrumented = new ClassInstrumenter(false).instrument(original);

    assertNotNull(instrumented);
    Map<String, Integer> before = CodeSizes.byMethod(new ClassReader(original));
    Map<String, Integer> after = CodeSizes.byMethod(new ClassReader(instrumented));
    assertEquals(before.get("constant()I"), after.get("constant()I"));
    assertNotEquals(before.get("hash(Ljava/lang/Object;)I"),
        after.get("hash(Ljava/lang/Object;)I"));
    Class<?> loaded = new ClassLoader(null) {
      Class<?> define() {
        return defineClass("fixture.Synthetic", instrumented, 0, instrumented.length);
      }
    }.define();
    assertEquals(42, loaded.getMethod("constant").invoke(null));
    assertEquals(7, loaded.getMethod("hash", Object.class).invoke(null, 7));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
