package dev.offlinedebug.agent;

import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Tells from a method's code bytes, before ASM reads them into a tree, that the {@link
 * MethodInstrumenter} would leave the method alone: no instruction it would cover can throw, by
 * the very rules it applies (own field accesses that cannot fail, nothing up to {@code super(...)}
 * in a constructor). Such are getters, setters and constructors that only store their arguments:
 * close to half the methods of a library, whose reading into a tree was most of what the agent
 * spent on them.
 *
 * <p>Only straight-line code is judged: a method with an exception table, stack map frames
 * (branches) or any code attribute but the line and local variable tables is left to the full
 * analysis. The tables matter because ASM puts a label where their entries start or end, and the
 * instrumenter does not pair an instruction with the one before across a label.
 */
final class ThrowFreeCode {
  private static final int ILOAD_0 = 0x1a;
  private static final int ALOAD_3 = 0x2d;
  private static final int ISTORE_0 = 0x3b;
  private static final int ASTORE_3 = 0x4e;
  private static final int NONE = -1;

  private ThrowFreeCode() {}

  /**
   * @param owner internal name of the class
   * @param ownFields the fields the class declares, by {@link MethodInstrumenter#fieldKey}
   * @param codeAttribute as {@link CodeSizes#codeAttributes} gives it
   * @param buffer for reading strings, {@link ClassReader#getMaxStringLength()} long
   */
  static boolean isThrowFree(ClassReader reader, String owner, Set<String> ownFields,
      int access, String name, int codeAttribute, char[] buffer) {
    int codeLength = reader.readInt(codeAttribute + 4);
    int codeStart = codeAttribute + 8;
    int table = codeStart + codeLength;
    if (reader.readUnsignedShort(table) != 0) {
      return false;
    }
    boolean[] labels = DebugLabels.of(reader, codeAttribute, true, buffer);
    if (labels == null) {
      return false;
    }
    boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
    boolean covering = !name.equals("<init>");
    int pendingNews = 0;
    int previous = NONE;
    int previousVar = NONE;
    int beforePrevious = NONE;
    int beforePreviousVar = NONE;
    for (int offset = 0; offset < codeLength;
        offset += CodeSplicer.instructionLength(reader, codeStart, offset)) {
      if (labels[offset]) {
        previous = NONE;
        beforePrevious = NONE;
      }
      int at = codeStart + offset;
      int opcode = reader.b[at] & 0xFF;
      int var = NONE;
      if (opcode >= ILOAD_0 && opcode <= ALOAD_3) {
        var = (opcode - ILOAD_0) & 3;
        opcode = Opcodes.ILOAD + (opcode - ILOAD_0) / 4;
      } else if (opcode >= ISTORE_0 && opcode <= ASTORE_3) {
        var = (opcode - ISTORE_0) & 3;
        opcode = Opcodes.ISTORE + (opcode - ISTORE_0) / 4;
      } else if (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD) {
        var = reader.b[at + 1] & 0xFF;
      } else if (opcode == CodeSplicer.WIDE) {
        opcode = reader.b[at + 1] & 0xFF;
        var = reader.readUnsignedShort(at + 2);
      } else if (opcode == CodeSplicer.LDC_W || opcode == CodeSplicer.LDC2_W) {
        opcode = Opcodes.LDC;
      } else if (isJump(opcode)) {
        return false;
      }
      if (covering && MethodInstrumenter.canThrow(opcode)) {
        boolean cannotFail = switch (opcode) {
          case Opcodes.GETFIELD -> isThis(previous, previousVar, isStatic);
          case Opcodes.GETSTATIC, Opcodes.PUTSTATIC ->
              isOwnField(reader, at, owner, ownFields, true, buffer);
          case Opcodes.PUTFIELD -> isOwnField(reader, at, owner, ownFields, false, buffer)
              && isThis(beforePrevious, beforePreviousVar, isStatic) && pushesOneValue(previous);
          default -> false;
        };
        if (!cannotFail) {
          return false;
        }
      }
      if (opcode == Opcodes.NEW) {
        pendingNews++;
      } else if (!covering && opcode == Opcodes.INVOKESPECIAL
          && reader.readUTF8(nameAndType(reader, at), buffer).equals("<init>")) {
        if (pendingNews == 0) {
          covering = true;
        } else {
          pendingNews--;
        }
      }
      beforePrevious = previous;
      beforePreviousVar = previousVar;
      previous = opcode;
      previousVar = var;
    }
    return true;
  }

  private static boolean isJump(int opcode) {
    return (opcode >= Opcodes.IFEQ && opcode <= Opcodes.LOOKUPSWITCH)
        || opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL
        || opcode == CodeSplicer.GOTO_W || opcode == CodeSplicer.JSR_W;
  }

  /** As {@link MethodInstrumenter}'s: {@code aload 0} in an instance method. */
  private static boolean isThis(int opcode, int var, boolean isStatic) {
    return opcode == Opcodes.ALOAD && var == 0 && !isStatic;
  }

  /** As {@link MethodInstrumenter}'s: a load or a constant but {@code ldc}. */
  private static boolean pushesOneValue(int opcode) {
    return (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.SIPUSH)
        || (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD);
  }

  /** Whether the field instruction at {@code at} names a field the class itself declares. */
  private static boolean isOwnField(ClassReader reader, int at, String owner,
      Set<String> ownFields, boolean isStatic, char[] buffer) {
    int field = reader.getItem(reader.readUnsignedShort(at + 1));
    if (!reader.readClass(field, buffer).equals(owner)) {
      return false;
    }
    int nameAndType = nameAndType(reader, at);
    return ownFields.contains(MethodInstrumenter.fieldKey(isStatic,
        reader.readUTF8(nameAndType, buffer), reader.readUTF8(nameAndType + 2, buffer)));
  }

  /** The name-and-type constant of the field or method the instruction at {@code at} names. */
  private static int nameAndType(ClassReader reader, int at) {
    int member = reader.getItem(reader.readUnsignedShort(at + 1));
    return reader.getItem(reader.readUnsignedShort(member + 2));
  }
}
