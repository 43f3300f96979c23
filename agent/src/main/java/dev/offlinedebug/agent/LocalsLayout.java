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
  static final String OBJECT = "java/lang/Object";

  final int[] slots;
  final char[] kinds;
  /** Descriptor letters of the values as passed: {@code Z B C S} where declared so, else the kind. */
  final char[] passedAs;
  final String[] names;
  /** Declared types as descriptors. */
  final String[] descriptors;

  LocalsLayout(int[] slots, char[] kinds, char[] passedAs, String[] names, String[] descriptors) {
    this.slots = slots;
    this.kinds = kinds;
    this.passedAs = passedAs;
    this.names = names;
    this.descriptors = descriptors;
  }

  static LocalsLayout of(int[] slots, LocalNames.Variable[] variables) {
    int size = slots.length;
    char[] kinds = new char[size];
    char[] passedAs = new char[size];
    String[] names = new String[size];
    String[] descriptors = new String[size];
    for (int i = 0; i < size; i++) {
      kinds[i] = variables[i].kind();
      passedAs[i] = variables[i].passedAs();
      names[i] = variables[i].name();
      descriptors[i] = variables[i].descriptor();
    }
    return new LocalsLayout(slots, kinds, passedAs, names, descriptors);
  }

  /** Whether this layout records exactly the first {@code size} of {@code variables}. */
  boolean matches(int[] otherSlots, LocalNames.Variable[] variables, int size) {
    if (size != slots.length) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      LocalNames.Variable variable = variables[i];
      if (otherSlots[i] != slots[i] || variable.kind() != kinds[i]
          || !variable.name().equals(names[i]) || !variable.descriptor().equals(descriptors[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code (Throwable, locals...)V}, the handler's invokedynamic type. */
  String descriptor() {
    String object = "L" + OBJECT + ";";
    StringBuilder descriptor = new StringBuilder(24 + object.length() * passedAs.length)
        .append("(L" + THROWABLE + ";");
    // An int-kind local may be passed as boolean or char: the verifier treats both as int, and the
    // linked method handle then boxes it as Boolean or Character, as declared.
    for (char letter : passedAs) {
      if (letter == 'R') {
        descriptor.append(object);
      } else {
        descriptor.append(letter);
      }
    }
    return descriptor.append(")V").toString();
  }

  /**
   * The call site's constants: the method name, then each local's name and descriptor (see {@code
   * RecordingSite.link}; the class name comes from the class itself).
   */
  Object[] bootstrapArguments(String methodName) {
    Object[] arguments = new Object[1 + 2 * names.length];
    arguments[0] = methodName;
    for (int i = 0; i < names.length; i++) {
      arguments[1 + 2 * i] = names[i];
      arguments[2 + 2 * i] = descriptors[i];
    }
    return arguments;
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
    int length = slots.length == 0 ? 0 : slots[slots.length - 1] + 2;
    Object[] free = new Object[length];
    Arrays.fill(free, Opcodes.TOP);
    return expand(onto(free));
  }

  /**
   * The frame of a handler that records this layout where {@code base} (types by slot, {@code TOP}
   * when free) must hold too: {@code base} with this layout's slots added, or null when a slot's
   * kind disagrees with {@code base}. Modifies and returns {@code base}.
   */
  Object[] onto(Object[] base) {
    for (int i = 0; i < slots.length; i++) {
      int slot = slots[i];
      Object wanted = frameType(kinds[i]);
      Object held = base[slot];
      boolean afterWide = slot > 0 && isWide(base[slot - 1]);
      if (held == Opcodes.TOP && !afterWide) {
        if (isWide(wanted) && (slot + 1 >= base.length || base[slot + 1] != Opcodes.TOP)) {
          return null;
        }
        base[slot] = wanted;
      } else if (kinds[i] == 'R' ? !(held instanceof String || held == Opcodes.NULL)
          : !wanted.equals(held)) {
        return null;
      }
    }
    return base;
  }

  /** Types by slot to ASM's expanded frame form; trailing free slots are left out. */
  static Object[] expand(Object[] bySlot) {
    int end = bySlot.length;
    while (end > 0 && bySlot[end - 1] == Opcodes.TOP) {
      end--;
    }
    List<Object> locals = new ArrayList<>();
    for (int slot = 0; slot < end; slot += isWide(bySlot[slot]) ? 2 : 1) {
      locals.add(bySlot[slot]);
    }
    return locals.toArray();
  }

  private static boolean isWide(Object type) {
    return type == Opcodes.LONG || type == Opcodes.DOUBLE;
  }

  private static Object frameType(char kind) {
    return switch (kind) {
      case 'I' -> Opcodes.INTEGER;
      case 'F' -> Opcodes.FLOAT;
      case 'J' -> Opcodes.LONG;
      case 'D' -> Opcodes.DOUBLE;
      default -> OBJECT;
    };
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
        && Arrays.equals(descriptors, that.descriptors);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(slots) + Arrays.hashCode(names);
  }
}
