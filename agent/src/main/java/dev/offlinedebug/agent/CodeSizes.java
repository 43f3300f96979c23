package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The bytecode length of each method, read straight from the class file (ASM's tree API does not
 * keep it): the size guards need it before anything is written.
 */
final class CodeSizes {
  private static final String STATIC_INITIALISER = "<clinit>";

  private CodeSizes() {}

  /**
   * By position in the class file, the order in which ASM visits and writes the methods: no key
   * built and hashed per method, as the instrumenter runs for every class loaded.
   *
   * @return code length of each method; -1 for a method without code and for the static
   *     initialiser, which is never instrumented
   */
  static int[] ofInstrumentable(ClassReader reader) {
    return read(reader, false, null);
  }

  /** @return code length by method name + descriptor; methods without code are absent */
  static Map<String, Integer> byMethod(ClassReader reader) {
    List<String> keys = new ArrayList<>();
    int[] sizes = read(reader, true, keys);
    Map<String, Integer> byMethod = new HashMap<>();
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] >= 0) {
        byMethod.put(keys.get(i), sizes[i]);
      }
    }
    return byMethod;
  }

  /** @param keys receives each method's name + descriptor, when not null */
  private static int[] read(ClassReader reader, boolean staticInitialiser, List<String> keys) {
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
    int[] sizes = new int[methods];
    for (int i = 0; i < methods; i++) {
      String name = reader.readUTF8(offset + 2, buffer);
      if (keys != null) {
        keys.add(name + reader.readUTF8(offset + 4, buffer));
      }
      boolean skipped = !staticInitialiser && name.equals(STATIC_INITIALISER);
      sizes[i] = -1;
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        int length = reader.readInt(offset + 2);
        if (!skipped && "Code".equals(reader.readUTF8(offset, buffer))) {
          // max_stack (u2), max_locals (u2), then code_length (u4)
          sizes[i] = reader.readInt(offset + 10);
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
