package dev.offlinedebug.agent;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
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

  /** @param parameters the method's parameter types */
  LocalNames(MethodNode method, Type[] parameters) {
    InsnList instructions = method.instructions;
    List<LocalVariableNode> table = method.localVariables == null ? List.of()
        : method.localVariables;
    hasTable = !table.isEmpty();
    int entries = table.size();
    slots = new int[entries];
    starts = new int[entries];
    ends = new int[entries];
    variables = new Variable[entries];
    for (int i = 0; i < entries; i++) {
      LocalVariableNode variable = table.get(i);
      // the first letter says all the kind needs: no Type parsed per entry
      char letter = variable.desc.charAt(0);
      char kind = SlotStates.kindOf(letter);
      slots[i] = variable.index;
      starts[i] = instructions.indexOf(variable.start);
      ends[i] = instructions.indexOf(variable.end);
      variables[i] = new Variable(variable.name, variable.desc, kind, passedAs(kind, letter));
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
