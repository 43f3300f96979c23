package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Instruments one method: splits its code into ranges over which the recordable locals and the
 * method's own handlers covering them do not change, and adds one catch-any exception-table entry
 * per range to a handler for that range's {@link LocalsLayout} (see {@link HandlerStubs}): before
 * the method's own entries inside its try blocks (the stub records and hands the throwable on to
 * the same handlers), after them elsewhere. The normal path runs exactly the original
 * instructions.
 *
 * <p>In a constructor nothing up to and including the {@code super(...)}/{@code this(...)} call is
 * covered: the verifier rejects a handler there even if it never touches {@code this}.
 */
final class MethodInstrumenter {
  static final int MAX_CODE_SIZE = 65_535;
  /** HotSpot compiles no method larger than this ({@code -XX:HugeMethodLimit}). */
  static final int HUGE_METHOD_LIMIT = 8_000;
  /** HotSpot inlines no hot callee larger than this ({@code -XX:FreqInlineSize}). */
  static final int FREQ_INLINE_SIZE = 325;
  /** The handler passes the throwable and the locals: at most 255 argument slots. */
  private static final int MAX_VALUE_SLOTS = 254;

  private final String owner;
  private final Set<String> ownFields;
  private final MethodNode method;
  private final ClassReader reader;
  private final int codeAttribute;
  private final int codeSize;
  private final char[] buffer;
  private final boolean inliningGuard;

  /**
   * @param owner internal name of the class
   * @param ownFields the fields the class declares, by {@link #fieldKey}
   * @param method the method as read from {@code reader}, with or without its line and local
   *     variable tables (they are read from the class file)
   * @param codeAttribute as {@link CodeSizes#codeAttributes} gives it
   * @param buffer for reading strings, {@link ClassReader#getMaxStringLength()} long
   */
  MethodInstrumenter(String owner, Set<String> ownFields, MethodNode method, ClassReader reader,
      int codeAttribute, char[] buffer, boolean inliningGuard) {
    this.owner = owner;
    this.ownFields = ownFields;
    this.method = method;
    this.reader = reader;
    this.codeAttribute = codeAttribute;
    this.codeSize = CodeSizes.codeLength(reader, codeAttribute);
    this.buffer = buffer;
    this.inliningGuard = inliningGuard;
  }

  /**
   * @param splicer gives the splicer of this method's code, from the nodes' offsets, once it is
   *     known to change
   * @return the content of the method's new {@code Code} attribute, or null when the method is
   *     left alone
   */
  byte[] instrument(Function<int[], CodeSplicer> splicer) {
    boolean[] debugLabels = DebugLabels.of(reader, codeAttribute, false, buffer);
    if (debugLabels == null) {
      return null;
    }
    int[] offsets = CodeSplicer.nodeOffsets(reader, codeAttribute, method.instructions);
    // parsed once: the entry frame, the slot states and the parameter names all start from them
    Type[] parameters = Type.getArgumentTypes(method.desc);
    Object[][] frames = SlotStates.expandFrames(owner, method, parameters);
    EnclosingHandlers handlers = new EnclosingHandlers(method, frames);
    List<CoveredRange> ranges = coveredRanges(handlers, frames, parameters, offsets, debugLabels);
    if (ranges.isEmpty()) {
      return null;
    }
    HandlerStubs stubs = new HandlerStubs(method, handlers);
    Map<HandlerStubs.Key, List<CoveredRange>> byKey = new LinkedHashMap<>();
    for (CoveredRange range : ranges) {
      HandlerStubs.Key key = new HandlerStubs.Key(range.layout, range.enclosing);
      if (range.enclosing != EnclosingHandlers.NONE && !byKey.containsKey(key)
          && stubs.catchingFrame(key) == null) {
        key = new HandlerStubs.Key(range.layout, EnclosingHandlers.NONE);
      }
      addMerging(byKey.computeIfAbsent(key, k -> new ArrayList<>()), range);
    }
    int newSize = codeSize + stubs.size(byKey.keySet());
    if (newSize > MAX_CODE_SIZE || crossesCompileLimit(codeSize, newSize)) {
      AgentReport.SKIPPED_TOO_LARGE.increment();
      return null;
    }
    if (inliningGuard && crossesInliningLimit(codeSize, newSize)) {
      AgentReport.SKIPPED_INLINING.increment();
      return null;
    }
    byte[] code = stubs.append(byKey, splicer.apply(offsets));
    AgentReport.METHODS_INSTRUMENTED.increment();
    AgentReport.HANDLERS.add(byKey.size());
    AgentReport.BYTES_ADDED.add(newSize - codeSize);
    return code;
  }

  /**
   * Adds {@code range} to the ranges of its handler, or extends the last of them when {@code range}
   * starts at the instruction right after it (as it does after a jump or a return, which closes a
   * range): one exception-table entry fewer, which the verifier scans at every instruction of the
   * method, for the few instructions between the two that cannot throw covered too.
   */
  private static void addMerging(List<CoveredRange> ranges, CoveredRange range) {
    if (!ranges.isEmpty()) {
      CoveredRange last = ranges.get(ranges.size() - 1);
      AbstractInsnNode next = last.last.getNext();
      while (next != null && next.getOpcode() < 0) {
        next = next.getNext();
      }
      if (next == range.first) {
        last.last = range.last;
        last.lastThrowing = range.lastThrowing;
        return;
      }
    }
    ranges.add(range);
  }

  /** Whether growing a method from {@code before} to {@code after} bytes stops HotSpot compiling it. */
  static boolean crossesCompileLimit(int before, int after) {
    return before <= HUGE_METHOD_LIMIT && after > HUGE_METHOD_LIMIT;
  }

  /** Whether growing a hot callee from {@code before} to {@code after} bytes stops HotSpot inlining it. */
  static boolean crossesInliningLimit(int before, int after) {
    return before <= FREQ_INLINE_SIZE && after > FREQ_INLINE_SIZE;
  }

  /**
   * One pass over the code; see {@link SlotStates}.
   *
   * @param offsets by node index, see {@link CodeSplicer#nodeOffsets}
   * @param debugLabels by code offset, see {@link DebugLabels}
   */
  private List<CoveredRange> coveredRanges(EnclosingHandlers handlers, Object[][] frames,
      Type[] parameters, int[] offsets, boolean[] debugLabels) {
    InsnList instructions = method.instructions;
    int count = instructions.size();
    List<CoveredRange> ranges = new ArrayList<>();
    if (count == 0) {
      return ranges;
    }
    LocalNames names = new LocalNames(reader, codeAttribute, buffer, offsets, method, parameters);
    boolean[] scopeBoundaries = new boolean[count + 1];
    names.markScopeBoundaries(scopeBoundaries);
    SlotStates states = SlotStates.atEntry(owner, method.access, method.name, parameters,
        method.maxLocals);
    int[] scratchSlots = new int[method.maxLocals];
    LocalNames.Variable[] scratchFound = new LocalNames.Variable[method.maxLocals];
    boolean covering = !method.name.equals("<init>");
    int pendingNews = 0;
    boolean reachable = true;
    boolean layoutStale = true;
    LocalsLayout layout = null;
    CoveredRange open = null;
    AbstractInsnNode previous = null;
    AbstractInsnNode beforePrevious = null;
    for (int i = 0; i < count; i++) {
      AbstractInsnNode instruction = instructions.get(i);
      int type = instruction.getType();
      layoutStale |= scopeBoundaries[i];
      // where the tree has a label, or would have one for a line or variable table entry
      if (type == AbstractInsnNode.LABEL
          || (debugLabels[offsets[i]] && (i == 0 || offsets[i - 1] != offsets[i]))) {
        previous = null;
        beforePrevious = null;
      }
      if (type == AbstractInsnNode.FRAME) {
        states.reset(frames[i]);
        reachable = true;
        layoutStale = true;
        previous = null;
        beforePrevious = null;
        continue;
      }
      if (type == AbstractInsnNode.LABEL || type == AbstractInsnNode.LINE) {
        continue;
      }
      int opcode = instruction.getOpcode();
      if (covering && reachable) {
        if (layoutStale) {
          LocalsLayout current = layoutAt(states, names, i, layout, scratchSlots, scratchFound);
          layoutStale = false;
          if (current != layout) {
            open = close(open, ranges);
            layout = current;
          }
        }
        int enclosing = handlers.setAt(i);
        if (open != null && open.enclosing != enclosing) {
          open = close(open, ranges);
        }
        if (open == null) {
          open = new CoveredRange(instruction, layout, enclosing);
        }
        open.last = instruction;
        if (canThrow(opcode) && !accessesOwnField(instruction, previous, beforePrevious)) {
          if (open.firstThrowing == null) {
            open.firstThrowing = instruction;
          }
          open.lastThrowing = instruction;
        }
      } else {
        open = close(open, ranges);
      }
      if (instruction instanceof VarInsnNode store && opcode >= Opcodes.ISTORE
          && opcode <= Opcodes.ASTORE) {
        states.store(opcode, store.var,
            opcode == Opcodes.ASTORE ? states.referenceTypeProducedBy(previous) : null);
        layoutStale = true;
      } else if (opcode == Opcodes.NEW) {
        pendingNews++;
      } else if (!covering && opcode == Opcodes.INVOKESPECIAL
          && ((MethodInsnNode) instruction).name.equals("<init>")) {
        if (pendingNews == 0) {
          covering = true;
          states.initialiseThis(owner);
          layoutStale = true;
        } else {
          pendingNews--;
        }
      }
      if (endsFlow(opcode)) {
        reachable = false;
        open = close(open, ranges);
      }
      beforePrevious = previous;
      previous = instruction;
    }
    close(open, ranges);
    return ranges;
  }

  /**
   * The layout at {@code index}: {@code current} itself when unchanged, to spare allocation.
   *
   * @param slots scratch space, one per local slot
   * @param found scratch space, one per local slot
   */
  private LocalsLayout layoutAt(SlotStates states, LocalNames names, int index,
      LocalsLayout current, int[] slots, LocalNames.Variable[] found) {
    int capacity = states.kinds.length;
    int size = 0;
    int valueSlots = 0;
    for (int slot = 0; slot < capacity; slot++) {
      char kind = states.kinds[slot];
      if (kind == 'T' || kind == 'U') {
        continue;
      }
      int width = LocalsLayout.size(kind);
      if (valueSlots + width > MAX_VALUE_SLOTS) {
        break;
      }
      LocalNames.Variable variable = names.describe(slot, index, kind, states.refTypes[slot]);
      if (variable != null) {
        slots[size] = slot;
        found[size] = variable;
        size++;
        valueSlots += width;
      }
    }
    if (current != null && current.matches(slots, found, size)) {
      return current;
    }
    return LocalsLayout.of(Arrays.copyOf(slots, size), Arrays.copyOf(found, size));
  }

  private static CoveredRange close(CoveredRange open, List<CoveredRange> ranges) {
    if (open != null && open.firstThrowing != null) {
      ranges.add(open);
    }
    return null;
  }

  private static boolean endsFlow(int opcode) {
    return (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
        || opcode == Opcodes.ATHROW || opcode == Opcodes.GOTO
        || opcode == Opcodes.TABLESWITCH || opcode == Opcodes.LOOKUPSWITCH;
  }

  /**
   * An access that cannot fail: {@code aload_0; getfield} in an instance method ({@code this} is
   * never null); a static field this class declares (the class is initialised while its method
   * runs); {@code aload_0; <push>; putfield} of an instance field this class declares. Spares
   * trivial getters, setters and constructors that only store their arguments.
   */
  private boolean accessesOwnField(AbstractInsnNode instruction, AbstractInsnNode previous,
      AbstractInsnNode beforePrevious) {
    int opcode = instruction.getOpcode();
    if (opcode == Opcodes.GETFIELD) {
      return isThis(previous);
    }
    if (opcode != Opcodes.GETSTATIC && opcode != Opcodes.PUTSTATIC && opcode != Opcodes.PUTFIELD) {
      return false;
    }
    FieldInsnNode field = (FieldInsnNode) instruction;
    boolean isStatic = opcode != Opcodes.PUTFIELD;
    if (!field.owner.equals(owner)
        || !ownFields.contains(fieldKey(isStatic, field.name, field.desc))) {
      return false;
    }
    return isStatic || (isThis(beforePrevious) && pushesOneValue(previous));
  }

  private boolean isThis(AbstractInsnNode instruction) {
    return instruction != null && instruction.getOpcode() == Opcodes.ALOAD
        && ((VarInsnNode) instruction).var == 0 && (method.access & Opcodes.ACC_STATIC) == 0;
  }

  /** A load or constant: the stack below it is what it was before. */
  private static boolean pushesOneValue(AbstractInsnNode instruction) {
    if (instruction == null) {
      return false;
    }
    int opcode = instruction.getOpcode();
    return (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.SIPUSH)
        || (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD);
  }

  static String fieldKey(boolean isStatic, String name, String descriptor) {
    return (isStatic ? "static " : "") + name + ':' + descriptor;
  }

  /** Whether the instruction can complete abruptly (linkage and resolution errors included). */
  static boolean canThrow(int opcode) {
    return opcode >= 0 && THROWING[opcode];
  }

  /**
   * By opcode, {@link #canThrow}: a table, as the check runs for every instruction of every method
   * read, and a switch over these scattered opcodes was a tenth of the instrumenter's time.
   */
  private static final boolean[] THROWING = new boolean[256];

  static {
    for (int opcode : new int[] {Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD,
        Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE,
        Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
        Opcodes.CASTORE, Opcodes.SASTORE, Opcodes.IDIV, Opcodes.LDIV, Opcodes.IREM, Opcodes.LREM,
        Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD,
        Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC,
        Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC, Opcodes.NEW, Opcodes.NEWARRAY,
        Opcodes.ANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.ATHROW, Opcodes.CHECKCAST,
        Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.MULTIANEWARRAY, Opcodes.LDC}) {
      THROWING[opcode] = true;
    }
  }

  /**
   * Consecutive instructions, {@code first} to {@code last} inclusive, sharing one layout and one
   * set of the method's own handlers covering them. The handler covers only {@code firstThrowing}
   * to {@code lastThrowing}: the verifier checks the handler's frame at every instruction an
   * exception-table entry covers, and the loads, stores and arithmetic that lead into the first
   * instruction that can throw or follow the last one can never reach the handler.
   */
  static final class CoveredRange {
    final AbstractInsnNode first;
    final LocalsLayout layout;
    final int enclosing;
    AbstractInsnNode last;
    AbstractInsnNode firstThrowing;
    AbstractInsnNode lastThrowing;

    CoveredRange(AbstractInsnNode first, LocalsLayout layout, int enclosing) {
      this.first = first;
      this.layout = layout;
      this.enclosing = enclosing;
    }
  }
}
