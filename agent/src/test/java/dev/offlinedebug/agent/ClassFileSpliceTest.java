package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@link ClassFileSplice} against its oracle, {@link AsmClassRewrite} (the writer the agent used
 * before), over every class of the JDK's {@code java.base}: the same constant pool, bootstrap
 * methods and code, byte for byte; the rest is the original's bytes, where ASM wrote the class
 * anew, so both must only be equal once ASM has re-encoded them alike.
 */
class ClassFileSpliceTest {
  private final ClassInstrumenter splicing = new ClassInstrumenter(true);
  private final ClassInstrumenter oracle = new ClassInstrumenter(true, AsmClassRewrite::new);

  @Test
  void instrument_writesWhatAsmsClassWriterWrote_acrossJavaBase() throws IOException {
    int instrumented = 0;
    int identical = 0;
    for (byte[] classFile : javaBase()) {
      byte[] expected = oracle.instrument(classFile);
      byte[] actual = splicing.instrument(classFile);
      assertEquals(expected == null, actual == null, () -> name(classFile));
      if (actual != null) {
        instrumented++;
        identical += Arrays.equals(expected, actual) ? 1 : 0;
        assertSameWrite(classFile, expected, actual);
      }
    }
    assertTrue(instrumented > 3000, instrumented + " classes instrumented");
    assertTrue(identical > 0, "none identical");
  }

  /**
   * Where the pool holds equal constants, ASM's SymbolTable finds the last, or the first once its
   * hash table has grown: each class again with the constants the stubs name most appended to its
   * pool a second time, so that either is found depending on how many constants the stubs add.
   */
  @Test
  void instrument_choosesAmongEqualConstantsAsAsmDoes_acrossJavaBase() throws IOException {
    for (byte[] original : javaBase()) {
      byte[] classFile = withDuplicates(original);
      byte[] expected = oracle.instrument(classFile);
      byte[] actual = splicing.instrument(classFile);
      assertEquals(expected == null, actual == null, () -> name(classFile));
      if (actual != null) {
        assertSameWrite(classFile, expected, actual);
      }
    }
  }

  private static void assertSameWrite(byte[] original, byte[] expected, byte[] actual) {
    String name = name(original);
    ClassReader expectedReader = new ClassReader(expected);
    ClassReader actualReader = new ClassReader(actual);
    assertArrayEquals(Arrays.copyOf(expected, expectedReader.header),
        Arrays.copyOf(actual, actualReader.header), () -> name + ": constant pool");
    Map<String, byte[]> expectedParts = splicedParts(expectedReader);
    Map<String, byte[]> originalParts = splicedParts(new ClassReader(original));
    Map<String, byte[]> actualParts = splicedParts(actualReader);
    assertEquals(expectedParts.keySet(), actualParts.keySet(), name);
    for (Map.Entry<String, byte[]> part : actualParts.entrySet()) {
      // ASM re-encodes a method it cannot copy as it is, such as one with a Synthetic attribute
      if (!Arrays.equals(part.getValue(), originalParts.get(part.getKey()))) {
        assertArrayEquals(expectedParts.get(part.getKey()), part.getValue(),
            () -> name + ": " + part.getKey());
      }
    }
    assertArrayEquals(unspliced(original), unspliced(actual), () -> name + ": not as it was");
    assertArrayEquals(reencoded(expected), reencoded(actual), () -> name + ": re-encoded");
  }

  /** By method position and name, each {@code Code} attribute's content; the bootstrap methods. */
  private static Map<String, byte[]> splicedParts(ClassReader reader) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    walk(reader, (owner, offset, length) -> {
      String name = length < 0 ? ""
          : reader.readUTF8(offset, new char[reader.getMaxStringLength()]);
      if (name.equals("Code") || name.equals("BootstrapMethods")) {
        parts.put(owner + " " + name, Arrays.copyOfRange(reader.b, offset + 6,
            offset + 6 + length));
      }
    });
    return parts;
  }

  /**
   * The class file past its constant pool without what the rewrite changes: the {@code Code}
   * attributes' lengths and contents, the bootstrap methods and the class's attribute count.
   */
  private static byte[] unspliced(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] copied = {reader.header};
    walk(reader, (owner, offset, length) -> {
      String name = length < 0 ? ""
          : reader.readUTF8(offset, new char[reader.getMaxStringLength()]);
      int kept = length < 0 || name.equals("BootstrapMethods") ? offset
          : name.equals("Code") ? offset + 2 : -1;
      if (kept >= 0) {
        out.write(classFile, copied[0], kept - copied[0]);
        copied[0] = length < 0 ? offset + 2 : offset + 6 + length;
      }
    });
    out.write(classFile, copied[0], classFile.length - copied[0]);
    return out.toByteArray();
  }

  private interface AttributeVisitor {
    /** @param offset of the attribute's name, or with {@code length} -1 of the class's count */
    void visit(String owner, int offset, int length);
  }

  /** Visits the attributes of each method ("0 name descriptor", ...) and then of the class. */
  private static void walk(ClassReader reader, AttributeVisitor visitor) {
    char[] buffer = new char[reader.getMaxStringLength()];
    int offset = reader.header + 6;
    offset += 2 + 2 * reader.readUnsignedShort(offset);
    int fields = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < fields; i++) {
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        offset += 6 + reader.readInt(offset + 2);
      }
    }
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < methods; i++) {
      String owner = i + " " + reader.readUTF8(offset + 2, buffer)
          + reader.readUTF8(offset + 4, buffer);
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        visitor.visit(owner, offset, reader.readInt(offset + 2));
        offset += 6 + reader.readInt(offset + 2);
      }
    }
    int attributes = reader.readUnsignedShort(offset);
    visitor.visit("class", offset, -1);
    offset += 2;
    for (int a = 0; a < attributes; a++) {
      visitor.visit("class", offset, reader.readInt(offset + 2));
      offset += 6 + reader.readInt(offset + 2);
    }
  }

  /**
   * The class as ASM writes it with a constant pool of its own, every method encoded anew: the
   * order of attributes and which of equal constants is named no longer count.
   */
  private static byte[] reencoded(byte[] classFile) {
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        // not a MethodWriter: ASM cannot copy the method as it is
        return new MethodVisitor(Opcodes.ASM9,
            super.visitMethod(access, name, descriptor, signature, exceptions)) {};
      }
    }, 0);
    return writer.toByteArray();
  }

  /**
   * {@code classFile} with a second Utf8 {@code StackMapTable} and second classes {@code
   * Throwable}, {@code Object} and the class itself (each with its own Utf8) at the end of its pool.
   */
  private static byte[] withDuplicates(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    int count = reader.getItemCount();
    appendUtf8(entries, "StackMapTable");
    count++;
    for (String type : List.of("java/lang/Throwable", "java/lang/Object",
        reader.getClassName())) {
      appendUtf8(entries, type);
      entries.write(7);
      entries.write(count >> 8);
      entries.write(count);
      count += 2;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(classFile, 0, 8);
    out.write(count >> 8);
    out.write(count);
    out.write(classFile, 10, reader.header - 10);
    out.writeBytes(entries.toByteArray());
    out.write(classFile, reader.header, classFile.length - reader.header);
    return out.toByteArray();
  }

  private static void appendUtf8(ByteArrayOutputStream out, String ascii) {
    out.write(1);
    out.write(ascii.length() >> 8);
    out.write(ascii.length());
    out.writeBytes(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String name(byte[] classFile) {
    return new ClassReader(classFile).getClassName();
  }

  private static List<byte[]> javaBase() throws IOException {
    Path base = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "java.base");
    try (Stream<Path> files = Files.walk(base)) {
      return files.filter(path -> path.toString().endsWith(".class"))
          .filter(path -> !path.getFileName().toString().equals("module-info.class"))
          .map(ClassFileSpliceTest::read).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
