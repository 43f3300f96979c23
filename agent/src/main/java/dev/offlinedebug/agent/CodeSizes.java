package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Where each method's code is and how long it is, read straight from the class file (ASM's tree
 * API keeps neither): the size guards need the length before anything is written, and the {@link
 * CodeSplicer} copies the code from there.
 */
final class CodeSizes {
  private static final String STATIC_INITIALISER = "<clinit>";

  private CodeSizes() {}

  /**
   * By position in the class file, the order in which ASM visits and writes the methods: no key
   * built and hashed per method, as the instrumenter runs for every class loaded.
   *
   * @return offset in the class file of each method's {@code Code} attribute content; -1 for a
   *     method without code and for the static initialiser, which is never instrumented
   */
  static int[] codeAttributes(ClassReader reader) {
    return read(reader, false, null);
  }

  /** @param codeAttribute as {@link #codeAttributes} gives it */
  static int codeLength(ClassReader reader, int codeAttribute) {
    // max_stack (u2), max_locals (u2), then code_length (u4)
    return reader.readInt(codeAttribute + 4);
  }

  /**
   * Offset of the {@code attributes_count} of the {@code Code} attribute at {@code codeAttribute}
   * (as {@link #codeAttributes} gives it), past the code and its exception table.
   */
  static int attributesOf(ClassReader reader, int codeAttribute) {
    int table = codeAttribute + 8 + codeLength(reader, codeAttribute);
    return table + 2 + 8 * reader.readUnsignedShort(table);
  }

  /** @return code length by method name + descriptor; methods without code are absent */
  static Map<String, Integer> byMethod(ClassReader reader) {
    List<String> keys = new ArrayList<>();
    int[] codeAttributes = read(reader, true, keys);
    Map<String, Integer> byMethod = new HashMap<>();
    for (int i = 0; i < codeAttributes.length; i++) {
      if (codeAttributes[i] >= 0) {
        byMethod.put(keys.get(i), codeLength(reader, codeAttributes[i]));
      }
    }
    return byMethod;
  }

  /**
   * Whether a {@link ClassWriter} sharing {@code reader}'s constant pool copies every method but
   * the {@code changed} ones byte for byte, as ASM does when the method's descriptor, signature
   * and thrown classes name the very constants the writer finds for them (it finds the last of
   * equal constants) and it has no {@code Synthetic} attribute (a flag since Java 5). Then the
   * code of the methods need not be read again to write the class.
   *
   * @param changed by position, non-null for a method whose code is replaced
   */
  static boolean copiesUnchanged(ClassReader reader, ClassWriter writer, Object[] changed,
      char[] buffer) {
    int offset = methods(reader);
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < methods; i++) {
      boolean unchanged = changed[i] == null;
      if (unchanged && writer.newUTF8(reader.readUTF8(offset + 4, buffer))
          != reader.readUnsignedShort(offset + 4)) {
        return false;
      }
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        if (unchanged && !copiedAsIs(reader, writer, offset, buffer)) {
          return false;
        }
        offset += 6 + reader.readInt(offset + 2);
      }
    }
    return true;
  }

  /** @param attribute offset of a method's attribute, see {@link #copiesUnchanged} */
  private static boolean copiedAsIs(ClassReader reader, ClassWriter writer, int attribute,
      char[] buffer) {
    String name = reader.readUTF8(attribute, buffer);
    int content = attribute + 6;
    switch (name) {
      case "Synthetic" -> {
        return false;
      }
      case "Signature" -> {
        return writer.newUTF8(reader.readUTF8(content, buffer))
            == reader.readUnsignedShort(content);
      }
      case "Exceptions" -> {
        int count = reader.readUnsignedShort(content);
        for (int e = 0; e < count; e++) {
          int thrown = content + 2 + 2 * e;
          if (writer.newClass(reader.readClass(thrown, buffer))
              != reader.readUnsignedShort(thrown)) {
            return false;
          }
        }
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  /** Offset of the class file's {@code methods_count}. */
  private static int methods(ClassReader reader) {
    int offset = reader.header + 6;
    offset += 2 + 2 * reader.readUnsignedShort(offset);
    int fields = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < fields; i++) {
      offset = skipAttributes(reader, offset + 6);
    }
    return offset;
  }

  /** @param keys receives each method's name + descriptor, when not null */
  private static int[] read(ClassReader reader, boolean staticInitialiser, List<String> keys) {
    char[] buffer = new char[reader.getMaxStringLength()];
    int offset = methods(reader);
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    int[] codeAttributes = new int[methods];
    for (int i = 0; i < methods; i++) {
      String name = reader.readUTF8(offset + 2, buffer);
      if (keys != null) {
        keys.add(name + reader.readUTF8(offset + 4, buffer));
      }
      boolean skipped = !staticInitialiser && name.equals(STATIC_INITIALISER);
      codeAttributes[i] = -1;
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        int length = reader.readInt(offset + 2);
        if (!skipped && "Code".equals(reader.readUTF8(offset, buffer))) {
          codeAttributes[i] = offset + 6;
        }
        offset += 6 + length;
      }
    }
    return codeAttributes;
  }

  private static int skipAttributes(ClassReader reader, int offset) {
    int attributes = reader.readUnsignedShort(offset);
    int next = offset + 2;
    for (int a = 0; a < attributes; a++) {
      next += 6 + reader.readInt(next + 2);
    }
    return next;
  }
}
