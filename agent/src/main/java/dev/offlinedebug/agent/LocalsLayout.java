package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * The locals one handler records: slots, their verifier kinds, names and declared types. Code
 * ranges with equal layouts share a handler.
 *
 * <p>Kinds: {@code I F J D} as in descriptors (int covers boolean, byte, char and short) and
 * {@code R} for an initialised reference, which the handler reads as {@code Object} so that its
 * stack map frame accepts every type the slot holds across the ranges it covers.
 */
final class LocalsLayout {
  static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "java/lang/Object";

  final int[] slots;
  final char[] kinds;
  /** Descriptor letters of the values as passed: {@code Z B C S} where declared so, else the kind. */
  final char[] passedAs;
  final String[] names;
  final String[] types;

  LocalsLayout(int[] slots, char[] kinds, char[] passedAs, String[] names, String[] types) {
    this.slots = slots;
    this.kinds = kinds;
    this.passedAs = passedAs;
    this.names = names;
    this.types = types;
  }

  static LocalsLayout of(int[] slots, LocalNames.Variable[] variables) {
    int size = slots.length;
    char[] kinds = new char[size];
    char[] passedAs = new char[size];
    String[] names = new String[size];
    String[] types = new String[size];
    for (int i = 0; i < size; i++) {
      kinds[i] = variables[i].kind();
      passedAs[i] = variables[i].passedAs();
      names[i] = variables[i].name();
      types[i] = variables[i].typeName();
    }
    return new LocalsLayout(slots, kinds, passedAs, names, types);
  }

  /** Whether this layout records exactly the first {@code size} of {@code variables}. */
  boolean matches(int[] otherSlots, LocalNames.Variable[] variables, int size) {
    if (size != slots.length) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      LocalNames.Variable variable = variables[i];
      if (otherSlots[i] != slots[i] || variable.kind() != kinds[i]
          || !variable.name().equals(names[i]) || !variable.typeName().equals(types[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code (Throwable, locals...)V}, the handler's invokedynamic type. */
  String descriptor() {
    StringBuilder descriptor = new StringBuilder("(L" + THROWABLE + ";");
    // An int-kind local may be passed as boolean or char: the verifier treats both as int, and the
    // linked method handle then boxes it as Boolean or Character, as declared.
    for (char letter : passedAs) {
      descriptor.append(letter == 'R' ? "L" + OBJECT + ";" : String.valueOf(letter));
    }
    return descriptor.append(")V").toString();
  }

  /** Operand stack slots the recorded values take. */
  int valueSlots() {
    int size = 0;
    for (char kind : kinds) {
      size += size(kind);
    }
    return size;
  }

  /** The handler's stack map frame locals, ASM's expanded form (a long or double is one entry). */
  Object[] frameLocals() {
    List<Object> locals = new ArrayList<>();
    int slot = 0;
    for (int i = 0; i < slots.length; i++) {
      while (slot < slots[i]) {
        locals.add(Opcodes.TOP);
        slot++;
      }
      locals.add(switch (kinds[i]) {
        case 'I' -> Opcodes.INTEGER;
        case 'F' -> Opcodes.FLOAT;
        case 'J' -> Opcodes.LONG;
        case 'D' -> Opcodes.DOUBLE;
        default -> OBJECT;
      });
      slot += size(kinds[i]);
    }
    return locals.toArray();
  }

  static int size(char kind) {
    return kind == 'J' || kind == 'D' ? 2 : 1;
  }

  static int loadOpcode(char kind) {
    return switch (kind) {
      case 'I' -> Opcodes.ILOAD;
      case 'F' -> Opcodes.FLOAD;
      case 'J' -> Opcodes.LLOAD;
      case 'D' -> Opcodes.DLOAD;
      default -> Opcodes.ALOAD;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalsLayout that
        && Arrays.equals(slots, that.slots)
        && Arrays.equals(kinds, that.kinds)
        && Arrays.equals(passedAs, that.passedAs)
        && Arrays.equals(names, that.names)
        && Arrays.equals(types, that.types);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(slots) + Arrays.hashCode(names);
  }
}
