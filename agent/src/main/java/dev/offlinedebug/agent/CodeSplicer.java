package dev.offlinedebug.agent;

import java.util.Arrays;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method's {@code Code} attribute with code appended after the method's own. The handlers only
 * add to the end, so no offset of the method's own code moves: its bytes, exception table, stack
 * map frames and other attributes (lines, local variables, type annotations) are copied as they
 * are, and only the additions are encoded. This spares decoding and re-encoding every instruction
 * of every instrumented method, which is most of what rewriting a class costs.
 *
 * <p>Positions are given as the nodes of the method as ASM read it (without expanded frames, the
 * constant pool shared with the {@link ClassRewrite}): each instruction node stands for one
 * instruction of the original code, in order. New exception-table entries go before or after the
 * method's own; new stack map frames, always full frames with one {@code Throwable} on the stack,
 * after its own, at increasing offsets.
 */
final class CodeSplicer {
  private static final String STACK_MAP_TABLE = "StackMapTable";
  private static final int FULL_FRAME = 255;
  private static final int ITEM_OBJECT = 7;
  private static final int ITEM_UNINITIALIZED = 8;
  static final int LDC_W = 0x13;
  static final int LDC2_W = 0x14;
  static final int WIDE = 0xc4;
  static final int GOTO_W = 0xc8;
  static final int JSR_W = 0xc9;

  private final ClassReader reader;
  private final ClassRewrite constants;
  private final InsnList instructions;
  private final int codeLength;
  private final int codeStart;
  /** By node index, the offset of the node's instruction, or of the next one for other nodes. */
  private final int[] offsets;
  private final char[] buffer;
  private final Bytes added = new Bytes();
  private final Bytes frames = new Bytes();
  private final Bytes entriesBefore = new Bytes();
  private final Bytes entriesAfter = new Bytes();
  private int framesAdded;
  private int lastFrame;
  /** Constant-pool indices of the two classes nearly every added frame names, 0 until looked up. */
  private int objectClass;
  private int throwableClass;

  /**
   * @param codeAttribute offset in the class file of the method's {@code Code} attribute content
   *     (its {@code max_stack})
   * @param offsets as {@link #nodeOffsets} gives them
   * @param buffer for reading strings, {@link ClassReader#getMaxStringLength()} long
   */
  CodeSplicer(ClassReader reader, int codeAttribute, ClassRewrite constants, MethodNode method,
      int[] offsets, char[] buffer) {
    this.reader = reader;
    this.buffer = buffer;
    this.constants = constants;
    this.instructions = method.instructions;
    this.codeLength = reader.readInt(codeAttribute + 4);
    this.codeStart = codeAttribute + 8;
    this.offsets = offsets;
    int lastOwnFrame = -1;
    for (AbstractInsnNode node = instructions.getLast(); node != null; node = node.getPrevious()) {
      if (node instanceof FrameNode) {
        lastOwnFrame = offsets[instructions.indexOf(node)];
        break;
      }
    }
    this.lastFrame = lastOwnFrame;
  }

  /**
   * By node index, the code offset of the node's instruction, or of the next one for other nodes
   * (the code length after the last instruction).
   *
   * @param codeAttribute as for the constructor
   */
  static int[] nodeOffsets(ClassReader reader, int codeAttribute, InsnList instructions) {
    int codeLength = reader.readInt(codeAttribute + 4);
    int codeStart = codeAttribute + 8;
    int[] offsets = new int[instructions.size()];
    int offset = 0;
    int index = 0;
    for (AbstractInsnNode node : instructions) {
      offsets[index++] = offset;
      if (node.getOpcode() >= 0) {
        offset += instructionLength(reader, codeStart, offset);
      }
    }
    if (offset != codeLength) {
      throw new IllegalStateException("read " + offset + " of " + codeLength + " code bytes");
    }
    return offsets;
  }

  /** Offset of {@code node}: its instruction's, or the next instruction's for a label or frame. */
  int offset(AbstractInsnNode node) {
    return offsets[instructions.indexOf(node)];
  }

  /** Offset just past the instruction {@code last}. */
  int endOffset(AbstractInsnNode last) {
    int next = instructions.indexOf(last) + 1;
    return next < offsets.length ? offsets[next] : codeLength;
  }

  /** Offset of the next byte appended. */
  int pc() {
    return codeLength + added.length;
  }

  /** A full frame at {@link #pc()}: {@code locals} as ASM expands them, Throwable on the stack. */
  void frame(Object[] locals) {
    int pc = pc();
    frames.put1(FULL_FRAME).put2(lastFrame < 0 ? pc : pc - lastFrame - 1).put2(locals.length);
    for (Object local : locals) {
      putType(local);
    }
    frames.put2(1);
    putType(LocalsLayout.THROWABLE);
    lastFrame = pc;
    framesAdded++;
  }

  private void putType(Object type) {
    if (type instanceof Integer tag) {
      frames.put1(tag);
    } else if (type instanceof String internalName) {
      frames.put1(ITEM_OBJECT).put2(classIndex(internalName));
    } else {
      frames.put1(ITEM_UNINITIALIZED).put2(offset((LabelNode) type));
    }
  }

  /** A lookup hashes the name each time: the stubs' frames name these two over and over. */
  private int classIndex(String internalName) {
    if (internalName.equals(LocalsLayout.OBJECT)) {
      if (objectClass == 0) {
        objectClass = constants.newClass(LocalsLayout.OBJECT);
      }
      return objectClass;
    }
    if (internalName.equals(LocalsLayout.THROWABLE)) {
      if (throwableClass == 0) {
        throwableClass = constants.newClass(LocalsLayout.THROWABLE);
      }
      return throwableClass;
    }
    return constants.newClass(internalName);
  }

  void insn(int opcode) {
    added.put1(opcode);
  }

  /** A load or store, in its shortest form. */
  void var(int opcode, int slot) {
    if (slot <= 3) {
      int shortForm = opcode < Opcodes.ISTORE ? 0x1a + 4 * (opcode - Opcodes.ILOAD)
          : 0x3b + 4 * (opcode - Opcodes.ISTORE);
      added.put1(shortForm + slot);
    } else if (slot <= 255) {
      added.put1(opcode).put1(slot);
    } else {
      added.put1(WIDE).put1(opcode).put2(slot);
    }
  }

  void invokeDynamic(String name, String descriptor, Handle bootstrap, Object... arguments) {
    added.put1(Opcodes.INVOKEDYNAMIC)
        .put2(constants.newInvokeDynamic(name, descriptor, bootstrap, arguments)).put2(0);
  }

  /**
   * An exception-table entry, before the method's own entries or after them (and after the ones
   * added after them before).
   *
   * @param type internal name of the caught class; null catches any
   */
  void entry(boolean beforeOwn, int start, int end, int handler, String type) {
    (beforeOwn ? entriesBefore : entriesAfter).put2(start).put2(end).put2(handler)
        .put2(type == null ? 0 : constants.newClass(type));
  }

  /** The content of the new {@code Code} attribute. */
  byte[] finish(int maxStack, int maxLocals) {
    int table = codeStart + codeLength;
    int ownEntries = reader.readUnsignedShort(table);
    int attributes = table + 2 + 8 * ownEntries;
    int count = reader.readUnsignedShort(attributes);
    int stackMap = -1;
    int end = attributes + 2;
    for (int i = 0; i < count; i++) {
      if (STACK_MAP_TABLE.equals(reader.readUTF8(end, buffer))) {
        stackMap = end;
      }
      end += 6 + reader.readInt(end + 2);
    }
    int ownFrames = 0;
    int ownFrameBytes = 0;
    int stackMapEnd = end;
    if (stackMap >= 0) {
      ownFrames = reader.readUnsignedShort(stackMap + 6);
      ownFrameBytes = reader.readInt(stackMap + 2) - 2;
      stackMapEnd = stackMap + 8 + ownFrameBytes;
    }
    int stackMapName = constants.newUtf8(STACK_MAP_TABLE);
    // the attribute as it was, with what is added, and the StackMapTable last
    Bytes code = new Bytes(end - (codeStart - 8) + added.length + entriesBefore.length
        + entriesAfter.length + frames.length + (stackMap < 0 ? 8 : 0));
    code.put2(maxStack).put2(maxLocals).put4(codeLength + added.length);
    code.put(reader.b, codeStart, codeLength).put(added);
    code.put2(ownEntries + (entriesBefore.length + entriesAfter.length) / 8);
    code.put(entriesBefore).put(reader.b, table + 2, 8 * ownEntries).put(entriesAfter);
    code.put2(stackMap < 0 ? count + 1 : count);
    if (stackMap < 0) {
      code.put(reader.b, attributes + 2, end - attributes - 2);
    } else {
      code.put(reader.b, attributes + 2, stackMap - attributes - 2);
      code.put(reader.b, stackMapEnd, end - stackMapEnd);
    }
    code.put2(stackMapName).put4(2 + ownFrameBytes + frames.length).put2(ownFrames + framesAdded);
    if (stackMap >= 0) {
      code.put(reader.b, stackMap + 8, ownFrameBytes);
    }
    code.put(frames);
    return code.toArray();
  }

  /**
   * Length of the instruction at {@code offset} of the code starting at {@code codeStart} in the
   * class file, switch padding and {@code wide} too.
   */
  static int instructionLength(ClassReader reader, int codeStart, int offset) {
    int at = codeStart + offset;
    int opcode = reader.b[at] & 0xFF;
    switch (opcode) {
      case Opcodes.TABLESWITCH -> {
        int operands = at + 1 + (3 - (offset & 3));
        int low = reader.readInt(operands + 4);
        int high = reader.readInt(operands + 8);
        return operands - at + 12 + 4 * (high - low + 1);
      }
      case Opcodes.LOOKUPSWITCH -> {
        int operands = at + 1 + (3 - (offset & 3));
        return operands - at + 8 + 8 * reader.readInt(operands + 4);
      }
      case WIDE -> {
        return (reader.b[at + 1] & 0xFF) == Opcodes.IINC ? 6 : 4;
      }
      default -> {
        return LENGTHS[opcode];
      }
    }
  }

  /** Instruction lengths by opcode, for all but the switches and {@code wide}. */
  private static final byte[] LENGTHS = new byte[256];

  static {
    Arrays.fill(LENGTHS, (byte) 1);
    for (int opcode : new int[] {Opcodes.BIPUSH, Opcodes.LDC, Opcodes.ILOAD, Opcodes.LLOAD,
        Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD, Opcodes.ISTORE, Opcodes.LSTORE,
        Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE, Opcodes.RET, Opcodes.NEWARRAY}) {
      LENGTHS[opcode] = 2;
    }
    for (int opcode = Opcodes.IFEQ; opcode <= Opcodes.JSR; opcode++) {
      LENGTHS[opcode] = 3;
    }
    for (int opcode = Opcodes.GETSTATIC; opcode <= Opcodes.INVOKESTATIC; opcode++) {
      LENGTHS[opcode] = 3;
    }
    for (int opcode : new int[] {Opcodes.SIPUSH, LDC_W, LDC2_W, Opcodes.IINC,
        Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.NEW, Opcodes.ANEWARRAY, Opcodes.CHECKCAST,
        Opcodes.INSTANCEOF}) {
      LENGTHS[opcode] = 3;
    }
    LENGTHS[Opcodes.MULTIANEWARRAY] = 4;
    for (int opcode : new int[] {Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC,
        GOTO_W, JSR_W}) {
      LENGTHS[opcode] = 5;
    }
  }
}
