package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;

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

  /** Offset of the class file's {@code attributes_count}, past its fields and methods. */
  static int classAttributes(ClassReader reader) {
    int offset = methods(reader);
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < methods; i++) {
      offset = skipAttributes(reader, offset + 6);
    }
    return offset;
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
