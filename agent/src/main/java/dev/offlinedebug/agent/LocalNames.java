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
  private final List<LocalVariableNode> table;
  private final int[] starts;
  private final int[] ends;
  private final String[] parameterNames;
  private final Type[] parameterTypes;

  LocalNames(MethodNode method) {
    InsnList instructions = method.instructions;
    table = method.localVariables == null || method.localVariables.isEmpty()
        ? null : method.localVariables;
    int entries = table == null ? 0 : table.size();
    starts = new int[entries];
    ends = new int[entries];
    for (int i = 0; i < entries; i++) {
      starts[i] = instructions.indexOf(table.get(i).start);
      ends[i] = instructions.indexOf(table.get(i).end);
    }
    parameterNames = new String[method.maxLocals];
    parameterTypes = new Type[method.maxLocals];
    int slot = 0;
    if ((method.access & Opcodes.ACC_STATIC) == 0 && slot < parameterNames.length) {
      parameterNames[slot++] = "this";
    }
    Type[] arguments = Type.getArgumentTypes(method.desc);
    for (int i = 0; i < arguments.length && slot < parameterNames.length; i++) {
      parameterNames[slot] = "arg" + i;
      parameterTypes[slot] = arguments[i];
      slot += arguments[i].getSize();
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
   * @param result receives name, declared type name and the descriptor letter to pass it as
   * @return false when the slot has no source-level variable of that kind at {@code index}
   */
  boolean describe(int slot, int index, char kind, String refType, String[] result) {
    if (table == null) {
      result[0] = parameterNames[slot] != null ? parameterNames[slot] : "local" + slot;
      Type parameter = parameterTypes[slot];
      result[1] = parameter != null ? parameter.getClassName() : fallbackType(kind, refType);
      result[2] = passedAs(kind, parameter);
      return true;
    }
    for (int i = 0; i < starts.length; i++) {
      LocalVariableNode variable = table.get(i);
      if (variable.index == slot && starts[i] <= index && index < ends[i]) {
        Type type = Type.getType(variable.desc);
        if (SlotStates.kindOf(type) != kind) {
          return false;
        }
        result[0] = variable.name;
        result[1] = type.getClassName();
        result[2] = passedAs(kind, type);
        return true;
      }
    }
    return false;
  }

  private static String passedAs(char kind, Type declared) {
    return declared != null && declared.getSort() >= Type.BOOLEAN && declared.getSort() <= Type.SHORT
        ? declared.getDescriptor() : String.valueOf(kind);
  }

  private static String fallbackType(char kind, String refType) {
    return switch (kind) {
      case 'I' -> "int";
      case 'F' -> "float";
      case 'J' -> "long";
      case 'D' -> "double";
      default -> refType == null ? "java.lang.Object"
          : Type.getObjectType(refType).getClassName();
    };
  }
}
