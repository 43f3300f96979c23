package dev.offlinedebug.agent;

import org.objectweb.asm.ClassReader;

/**
 * Where ASM puts a label for a method's line and local variable tables, by code offset, read from
 * the class file: where an entry of the {@code LineNumberTable} starts, and where one of the
 * {@code LocalVariableTable} or {@code LocalVariableTypeTable} starts or ends. The instrumenter
 * reads methods into trees without these tables, which spares a label node per line and per
 * variable bound, and reads them from the class file instead; its analysis still treats these
 * offsets as it treated the labels (it pairs no instruction with the one before across them).
 */
final class DebugLabels {
  static final String LOCAL_VARIABLE_TABLE = "LocalVariableTable";

  private DebugLabels() {}

  /**
   * @param codeAttribute as {@link CodeSizes#codeAttributes} gives it
   * @param onlyTables whether to give up when the code has any attribute but these tables
   * @return by offset (code length + 1 entries), whether ASM puts a label there for the tables;
   *     null when an entry lies beyond the code, or when {@code onlyTables} and there is another
   *     attribute
   */
  static boolean[] of(ClassReader reader, int codeAttribute, boolean onlyTables, char[] buffer) {
    boolean[] labels = new boolean[CodeSizes.codeLength(reader, codeAttribute) + 1];
    int attributes = CodeSizes.attributesOf(reader, codeAttribute);
    int count = reader.readUnsignedShort(attributes);
    int attribute = attributes + 2;
    for (int a = 0; a < count; a++) {
      String name = reader.readUTF8(attribute, buffer);
      int entries = reader.readUnsignedShort(attribute + 6);
      int entry = attribute + 8;
      if (name.equals("LineNumberTable")) {
        for (int e = 0; e < entries; e++, entry += 4) {
          if (!mark(labels, reader.readUnsignedShort(entry))) {
            return null;
          }
        }
      } else if (name.equals(LOCAL_VARIABLE_TABLE) || name.equals("LocalVariableTypeTable")) {
        for (int e = 0; e < entries; e++, entry += 10) {
          int start = reader.readUnsignedShort(entry);
          if (!mark(labels, start) || !mark(labels, start + reader.readUnsignedShort(entry + 2))) {
            return null;
          }
        }
      } else if (onlyTables) {
        return null;
      }
      attribute += 6 + reader.readInt(attribute + 2);
    }
    return labels;
  }

  private static boolean mark(boolean[] labels, int offset) {
    if (offset >= labels.length) {
      return false;
    }
    labels[offset] = true;
    return true;
  }
}
