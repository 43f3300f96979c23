package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.agent.Accessors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class ThrowFreeCodeTest {
  @Test
  void isThrowFree_holdsForTheAccessorsTheInstrumenterLeavesAlone() throws IOException {
    Map<String, Boolean> throwFree = judge(classFile(Accessors.class)).throwFree;
    assertTrue(throwFree.get("<init>(ILjava/lang/String;)V"));
    assertTrue(throwFree.get("getValue()I"));
    assertTrue(throwFree.get("setLabel(Ljava/lang/String;)V"));
    assertTrue(throwFree.get("next()I"));
    assertFalse(throwFree.get("copyTo(Lfixture/agent/Accessors;)V"));
    assertFalse(throwFree.get("labelLength()I"));
  }

  /** The shortcut must never skip a method the full analysis would instrument. */
  @Test
  void isThrowFree_onlyWhereTheFullAnalysisChangesNothing_acrossJavaUtil() throws IOException {
    int throwFree = 0;
    int methods = 0;
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (Stream<Path> files = Files.list(jrt.getPath("modules", "java.base", "java", "util"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
        Judged judged = judge(Files.readAllBytes(file));
        methods += judged.throwFree.size();
        for (Map.Entry<String, Boolean> method : judged.throwFree.entrySet()) {
          if (method.getValue()) {
            throwFree++;
            assertNull(judged.fullAnalysis.get(method.getKey()), file + " " + method.getKey());
          }
        }
      }
    }
    assertTrue(throwFree > methods / 10, throwFree + " of " + methods);
  }

  private record Judged(Map<String, Boolean> throwFree, Map<String, Object> fullAnalysis) {}

  /** Both verdicts for every method the instrumenter may read, by name + descriptor. */
  private static Judged judge(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    int[] codeAttributes = CodeSizes.codeAttributes(reader);
    char[] buffer = new char[reader.getMaxStringLength()];
    ClassRewrite rewrite = new ClassFileSplice(reader, codeAttributes);
    Set<String> ownFields = new HashSet<>();
    Map<String, Boolean> throwFree = new HashMap<>();
    Map<String, Object> fullAnalysis = new HashMap<>();
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      private int position = -1;

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor,
          String signature, Object value) {
        ownFields.add(MethodInstrumenter.fieldKey((access & Opcodes.ACC_STATIC) != 0, name,
            descriptor));
        return null;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        int codeAttribute = codeAttributes[++position];
        if (codeAttribute < 0 || (access & Opcodes.ACC_BRIDGE) != 0) {
          return null;
        }
        String key = name + descriptor;
        throwFree.put(key, ThrowFreeCode.isThrowFree(reader, reader.getClassName(), ownFields,
            access, name, codeAttribute, buffer));
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
          @Override
          public void visitEnd() {
            fullAnalysis.put(key, new MethodInstrumenter(reader.getClassName(), ownFields, this,
                reader, codeAttribute, buffer, false)
                .instrument(offsets -> new CodeSplicer(reader, codeAttribute, rewrite, this,
                    offsets, buffer)));
          }
        };
      }
    }, 0);
    return new Judged(throwFree, fullAnalysis);
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
