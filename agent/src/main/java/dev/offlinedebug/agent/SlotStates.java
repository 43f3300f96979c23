package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The verifier's view of the local variable slots at one instruction, tracked in a single pass
 * over the code: reset at each stack map frame, updated by stores in between. This is the work the
 * JVM's type-checking verifier does, and costs far less than ASM's fix-point {@code Analyzer}.
 *
 * <p>Kinds as in {@link LocalsLayout}, plus {@code T} for unusable (unassigned, or the second half
 * of a long or double) and {@code U} for an object whose constructor has not run yet.
 */
final class SlotStates {
  final char[] kinds;
  /** Internal name or array descriptor of a reference, when a frame says it; else null. */
  final String[] refTypes;

  SlotStates(int maxLocals) {
    kinds = new char[maxLocals];
    refTypes = new String[maxLocals];
    Arrays.fill(kinds, 'T');
  }

  /**
   * The implicit frame at method entry.
   *
   * @param parameters the method's parameter types
   */
  static SlotStates atEntry(String owner, int access, String name, Type[] parameters,
      int maxLocals) {
    SlotStates states = new SlotStates(maxLocals);
    int slot = 0;
    if ((access & Opcodes.ACC_STATIC) == 0) {
      states.set(slot++, name.equals("<init>") ? 'U' : 'R', owner);
    }
    for (Type argument : parameters) {
      char kind = kindOf(argument);
      states.set(slot, kind, kind == 'R' ? argument.getInternalName() : null);
      slot += argument.getSize();
    }
    return states;
  }

  /**
   * The full locals of every stack map frame, by instruction index (null elsewhere), in ASM's
   * expanded form. The class is read without {@code EXPAND_FRAMES}: its frames stay compressed, so
   * that writing them back costs next to nothing, and are expanded here in one pass.
   *
   * @param parameters the method's parameter types
   */
  static Object[][] expandFrames(String owner, MethodNode method, Type[] parameters) {
    InsnList instructions = method.instructions;
    Object[][] expanded = new Object[instructions.size()][];
    List<Object> current = entryFrame(owner, method, parameters);
    int index = 0;
    for (AbstractInsnNode node : instructions) {
      if (node instanceof FrameNode frame) {
        List<Object> local = frame.local == null ? List.of() : frame.local;
        switch (frame.type) {
          case Opcodes.F_NEW, Opcodes.F_FULL -> current = new ArrayList<>(local);
          case Opcodes.F_APPEND -> {
            current = new ArrayList<>(current);
            current.addAll(local);
          }
          case Opcodes.F_CHOP -> current = new ArrayList<>(
              current.subList(0, Math.max(0, current.size() - local.size())));
          default -> { }
        }
        expanded[index] = current.toArray();
      }
      index++;
    }
    return expanded;
  }

  /** The implicit frame at method entry, in ASM's expanded form. */
  private static List<Object> entryFrame(String owner, MethodNode method, Type[] parameters) {
    List<Object> locals = new ArrayList<>();
    if ((method.access & Opcodes.ACC_STATIC) == 0) {
      locals.add(method.name.equals("<init>") ? Opcodes.UNINITIALIZED_THIS : owner);
    }
    for (Type argument : parameters) {
      locals.add(switch (argument.getSort()) {
        case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
        case Type.FLOAT -> Opcodes.FLOAT;
        case Type.LONG -> Opcodes.LONG;
        case Type.DOUBLE -> Opcodes.DOUBLE;
        case Type.ARRAY -> argument.getDescriptor();
        default -> argument.getInternalName();
      });
    }
    return locals;
  }

  /** @param locals a frame's full locals, as {@link #expandFrames} gives them */
  void reset(Object[] locals) {
    Arrays.fill(kinds, 'T');
    Arrays.fill(refTypes, null);
    int slot = 0;
    for (int i = 0; i < locals.length && slot < kinds.length; i++) {
      Object local = locals[i];
      char kind;
      String type = null;
      if (local instanceof String internalName) {
        kind = 'R';
        type = internalName;
      } else if (local == Opcodes.INTEGER) {
        kind = 'I';
      } else if (local == Opcodes.FLOAT) {
        kind = 'F';
      } else if (local == Opcodes.LONG) {
        kind = 'J';
      } else if (local == Opcodes.DOUBLE) {
        kind = 'D';
      } else if (local == Opcodes.NULL) {
        kind = 'R';
      } else if (local == Opcodes.TOP) {
        kind = 'T';
      } else {
        kind = 'U';
      }
      set(slot, kind, type);
      slot += LocalsLayout.size(kind);
    }
  }

  /**
   * The effect of an {@code xSTORE} into {@code slot}.
   *
   * @param refType what an {@code astore} stores, when known
   */
  void store(int opcode, int slot, String refType) {
    char kind = switch (opcode) {
      case Opcodes.ISTORE -> 'I';
      case Opcodes.FSTORE -> 'F';
      case Opcodes.LSTORE -> 'J';
      case Opcodes.DSTORE -> 'D';
      default -> 'R';
    };
    if (slot > 0 && LocalsLayout.size(kinds[slot - 1]) == 2) {
      set(slot - 1, 'T', null);
    }
    set(slot, kind, refType);
  }

  /**
   * The type of the reference the instruction leaves on the stack, for the few producers that say
   * it themselves; null otherwise. Only names locals of classes compiled without {@code -g}.
   */
  String referenceTypeProducedBy(AbstractInsnNode producer) {
    if (producer instanceof MethodInsnNode call) {
      return objectType(Type.getReturnType(call.desc));
    } else if (producer instanceof InvokeDynamicInsnNode call) {
      return objectType(Type.getReturnType(call.desc));
    } else if (producer instanceof FieldInsnNode field) {
      return objectType(Type.getType(field.desc));
    } else if (producer instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST) {
      return cast.desc;
    } else if (producer instanceof LdcInsnNode constant && constant.cst instanceof String) {
      return "java/lang/String";
    } else if (producer instanceof VarInsnNode load && producer.getOpcode() == Opcodes.ALOAD
        && load.var < kinds.length) {
      return refTypes[load.var];
    }
    return null;
  }

  private static String objectType(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY
        ? type.getInternalName() : null;
  }

  /** After {@code super(...)} or {@code this(...)} in a constructor. */
  void initialiseThis(String owner) {
    if (kinds.length > 0 && kinds[0] == 'U') {
      set(0, 'R', owner);
    }
  }

  private void set(int slot, char kind, String refType) {
    if (slot >= kinds.length) {
      return;
    }
    kinds[slot] = kind;
    refTypes[slot] = refType;
    if (LocalsLayout.size(kind) == 2 && slot + 1 < kinds.length) {
      kinds[slot + 1] = 'T';
      refTypes[slot + 1] = null;
    }
  }

  /** @param letter the first letter of a field descriptor */
  static char kindOf(char letter) {
    return switch (letter) {
      case 'Z', 'B', 'C', 'S', 'I' -> 'I';
      case 'F', 'J', 'D' -> letter;
      default -> 'R';
    };
  }

  static char kindOf(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> 'I';
      case Type.FLOAT -> 'F';
      case Type.LONG -> 'J';
      case Type.DOUBLE -> 'D';
      default -> 'R';
    };
  }
}
