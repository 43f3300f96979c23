package dev.offlinedebug.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Names and declared types of the locals in scope at an instruction, from the {@code
 * LocalVariableTable}. A slot the table does not cover at that instruction is not a source-level
 * variable there (a later declaration, or a compiler temporary) and gets no name. Classes compiled
 * without {@code -g} have no table: then every assigned slot is named {@code this}, {@code argN}
 * (N counts parameters) or {@code localN} (N is the slot).
 */
final class LocalNames {
  /**
   * A local as the handler records it.
   *
   * @param descriptor its declared type: with a table, the very string of the table's entry, so
   *     that the call site's constant reuses the class's own
   */
  record Variable(String name, String descriptor, char kind, char passedAs) {}

  private final int[] slots;
  private final int[] starts;
  private final int[] ends;
  private final Variable[] variables;
  private final boolean hasTable;
  private final String[] parameterNames;
  private final Type[] parameterTypes;

  /**
   * @param codeAttribute as {@link CodeSizes#codeAttributes} gives it; its table is read from the
   *     class file, as the method's tree is read without it
   * @param offsets by node index, as {@link CodeSplicer#nodeOffsets} gives them
   * @param parameters the method's parameter types
   */
  LocalNames(ClassReader reader, int codeAttribute, char[] buffer, int[] offsets,
      MethodNode method, Type[] parameters) {
    int attributes = CodeSizes.attributesOf(reader, codeAttribute);
    // the last table if there are several, as ASM reads them
    int localVariables = -1;
    int count = reader.readUnsignedShort(attributes);
    int attribute = attributes + 2;
    for (int a = 0; a < count; a++, attribute += 6 + reader.readInt(attribute + 2)) {
      if (reader.readUTF8(attribute, buffer).equals(DebugLabels.LOCAL_VARIABLE_TABLE)) {
        localVariables = attribute;
      }
    }
    int entries = localVariables < 0 ? 0 : reader.readUnsignedShort(localVariables + 6);
    hasTable = entries > 0;
    slots = new int[entries];
    starts = new int[entries];
    ends = new int[entries];
    variables = new Variable[entries];
    for (int i = 0, entry = localVariables + 8; i < entries; i++, entry += 10) {
      int start = reader.readUnsignedShort(entry);
      String descriptor = reader.readUTF8(entry + 6, buffer);
      // the first letter says all the kind needs: no Type parsed per entry
      char letter = descriptor.charAt(0);
      char kind = SlotStates.kindOf(letter);
      slots[i] = reader.readUnsignedShort(entry + 8);
      starts[i] = indexAt(offsets, start);
      ends[i] = indexAt(offsets, start + reader.readUnsignedShort(entry + 2));
      variables[i] = new Variable(reader.readUTF8(entry + 4, buffer), descriptor, kind,
          passedAs(kind, letter));
    }
    if (hasTable) {
      // the fallback names are for classes without a table only
      parameterNames = null;
      parameterTypes = null;
      return;
    }
    parameterNames = new String[method.maxLocals];
    parameterTypes = new Type[method.maxLocals];
    int slot = 0;
    if ((method.access & Opcodes.ACC_STATIC) == 0 && slot < parameterNames.length) {
      parameterNames[slot++] = "this";
    }
    for (int i = 0; i < parameters.length && slot < parameterNames.length; i++) {
      parameterNames[slot] = "arg" + i;
      parameterTypes[slot] = parameters[i];
      slot += parameters[i].getSize();
    }
  }

  /**
   * The index of the first node at {@code offset} (a label, a frame or the instruction), or after
   * it if no instruction starts there: a table entry's bound by node index, as the table's label
   * had it when the tree held it. After the last instruction, the node count unless a label
   * follows it.
   */
  private static int indexAt(int[] offsets, int offset) {
    int low = 0;
    int high = offsets.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (offsets[middle] < offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Marks the instructions where a variable's scope starts or ends: the layout may change there. */
  void markScopeBoundaries(boolean[] boundaries) {
    for (int i = 0; i < starts.length; i++) {
      boundaries[starts[i]] = true;
      boundaries[ends[i]] = true;
    }
  }

  /**
   * @return the source-level variable of that kind in {@code slot} at instruction {@code index},
   *     or null when there is none
   */
  Variable describe(int slot, int index, char kind, String refType) {
    if (!hasTable) {
      Type parameter = parameterTypes[slot];
      String descriptor = parameter != null ? parameter.getDescriptor()
          : fallbackDescriptor(kind, refType);
      return new Variable(parameterNames[slot] != null ? parameterNames[slot] : "local" + slot,
          descriptor, kind, passedAs(kind, descriptor.charAt(0)));
    }
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == slot && starts[i] <= index && index < ends[i]) {
        return variables[i].kind == kind ? variables[i] : null;
      }
    }
    return null;
  }

  /** @param declared the first letter of the declared type's descriptor */
  private static char passedAs(char kind, char declared) {
    return declared == 'Z' || declared == 'B' || declared == 'C' || declared == 'S' ? declared : kind;
  }

  private static String fallbackDescriptor(char kind, String refType) {
    if (kind != 'R') {
      return String.valueOf(kind);
    }
    return refType == null ? "Ljava/lang/Object;"
        : refType.charAt(0) == '[' ? refType : 'L' + refType + ';';
  }
}
