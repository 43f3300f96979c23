package dev.offlinedebug.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Fixture classes that cannot come from the normal test compilation. */
final class GeneratedFixtures {
  private GeneratedFixtures() {}

  /**
   * A class whose {@code run()} stores 11 in a local and calls {@code big(int)}: {@code iinc}
   * instructions filling {@code codeSize} bytes, then a throw. No debug information.
   */
  static void writeLargeMethod(Path classes, String className, int codeSize) throws IOException {
    String internal = className.replace('.', '/');
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null,
        "java/lang/Object", null);
    MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V",
        null, null);
    run.visitCode();
    run.visitIntInsn(Opcodes.BIPUSH, 11);
    run.visitVarInsn(Opcodes.ISTORE, 0);
    run.visitVarInsn(Opcodes.ILOAD, 0);
    run.visitMethodInsn(Opcodes.INVOKESTATIC, internal, "big", "(I)V", false);
    run.visitInsn(Opcodes.RETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    MethodVisitor big = writer.visitMethod(Opcodes.ACC_STATIC, "big", "(I)V", null, null);
    big.visitCode();
    int throwSize = 3 + 1 + 3 + 3 + 1;
    for (int i = 0; i < (codeSize - throwSize) / 3; i++) {
      big.visitIincInsn(0, 1);
    }
    big.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    big.visitInsn(Opcodes.DUP);
    big.visitLdcInsn("large " + codeSize);
    big.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
        "(Ljava/lang/String;)V", false);
    big.visitInsn(Opcodes.ATHROW);
    big.visitMaxs(0, 0);
    big.visitEnd();
    writer.visitEnd();
    Path file = classes.resolve(internal + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, writer.toByteArray());
  }

  /** {@code fixture.nog.NoDebug}, compiled with {@code -g:none}: no local variable names. */
  static void compileWithoutDebugInfo(Path classes) throws IOException {
    Path source = classes.resolveSibling("nog-src").resolve("fixture/nog/NoDebug.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n",
        "package fixture.nog;",
        "public class NoDebug {",
        "  private final int base = 3;",
        "  public static void run() {",
        "    new NoDebug().compute(4, \"text\");",
        "  }",
        "  int compute(int count, String word) {",
        "    long wide = count * 1000L;",
        "    String joined = word + wide;",
        "    return joined.charAt(100) + base;",
        "  }",
        "}"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, List.of("-g:none", "--release", "17", "-d",
        classes.toString(), source.toString()).toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed on " + source);
    }
  }
}
