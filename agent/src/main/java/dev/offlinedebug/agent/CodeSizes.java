package dev.offlinedebug.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The bytecode length of each method, read straight from the class file (ASM's tree API does not
 * keep it): the size guards need it before anything is written.
 */
final class CodeSizes {
  private CodeSizes() {}

  /** @return code length by method name + descriptor; methods without code are absent */
  static Map<String, Integer> of(ClassReader reader) {
    char[] buffer = new char[reader.getMaxStringLength()];
    int offset = reader.header + 6;
    offset += 2 + 2 * reader.readUnsignedShort(offset);
    int fields = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < fields; i++) {
      offset = skipAttributes(reader, offset + 6);
    }
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < methods; i++) {
      String key = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        int length = reader.readInt(offset + 2);
        if ("Code".equals(reader.readUTF8(offset, buffer))) {
          // max_stack (u2), max_locals (u2), then code_length (u4)
          sizes.put(key, reader.readInt(offset + 10));
        }
        offset += 6 + length;
      }
    }
    return sizes;
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
