package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Instruments one method: splits its code into ranges over which the recordable locals do not
 * change, and appends one catch-any exception-table entry per range, after the method's own, to a
 * handler for that range's {@link LocalsLayout} (see {@link HandlerStubs}). The method's own
 * handlers keep priority; the normal path runs exactly the original instructions.
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
  private final MethodNode method;
  private final int codeSize;
  private final boolean inliningGuard;

  MethodInstrumenter(String owner, MethodNode method, int codeSize, boolean inliningGuard) {
    this.owner = owner;
    this.method = method;
    this.codeSize = codeSize;
    this.inliningGuard = inliningGuard;
  }

  /** @return whether the method was changed */
  boolean instrument() {
    List<CoveredRange> ranges = coveredRanges();
    if (ranges.isEmpty()) {
      return false;
    }
    Map<LocalsLayout, List<CoveredRange>> byLayout = new LinkedHashMap<>();
    for (CoveredRange range : ranges) {
      byLayout.computeIfAbsent(range.layout, layout -> new ArrayList<>()).add(range);
    }
    HandlerStubs stubs = new HandlerStubs(owner, method);
    int newSize = codeSize + stubs.size(byLayout.keySet());
    if (newSize > MAX_CODE_SIZE || (codeSize <= HUGE_METHOD_LIMIT && newSize > HUGE_METHOD_LIMIT)) {
      AgentReport.SKIPPED_TOO_LARGE.increment();
      return false;
    }
    if (inliningGuard && codeSize <= FREQ_INLINE_SIZE && newSize > FREQ_INLINE_SIZE) {
      AgentReport.SKIPPED_INLINING.increment();
      return false;
    }
    stubs.append(byLayout);
    AgentReport.METHODS_INSTRUMENTED.increment();
    AgentReport.HANDLERS.add(byLayout.size());
    AgentReport.BYTES_ADDED.add(newSize - codeSize);
    return true;
  }

  /** One pass over the code; see {@link SlotStates}. */
  private List<CoveredRange> coveredRanges() {
    InsnList instructions = method.instructions;
    int count = instructions.size();
    List<CoveredRange> ranges = new ArrayList<>();
    if (count == 0) {
      return ranges;
    }
    LocalNames names = new LocalNames(method);
    boolean[] scopeBoundaries = new boolean[count + 1];
    names.markScopeBoundaries(scopeBoundaries);
    SlotStates states = SlotStates.atEntry(owner, method.access, method.name, method.desc,
        method.maxLocals);
    boolean covering = !method.name.equals("<init>");
    int pendingNews = 0;
    boolean reachable = true;
    boolean layoutStale = true;
    LocalsLayout layout = null;
    CoveredRange open = null;
    AbstractInsnNode previous = null;
    for (int i = 0; i < count; i++) {
      AbstractInsnNode instruction = instructions.get(i);
      int type = instruction.getType();
      if (type == AbstractInsnNode.FRAME) {
        states.reset((FrameNode) instruction);
        reachable = true;
        layoutStale = true;
        previous = null;
        continue;
      }
      if (type == AbstractInsnNode.LABEL || type == AbstractInsnNode.LINE) {
        layoutStale |= scopeBoundaries[i];
        previous = type == AbstractInsnNode.LABEL ? null : previous;
        continue;
      }
      int opcode = instruction.getOpcode();
      if (covering && reachable) {
        if (layoutStale) {
          LocalsLayout current = layoutAt(states, names, i, layout);
          layoutStale = false;
          if (current != layout) {
            open = close(open, ranges);
            layout = current;
          }
        }
        if (open == null) {
          open = new CoveredRange(instruction, layout);
        }
        open.last = instruction;
        open.canThrow |= canThrow(opcode);
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
      previous = instruction;
    }
    close(open, ranges);
    return ranges;
  }

  /** The layout at {@code index}: {@code current} itself when unchanged, to spare allocation. */
  private LocalsLayout layoutAt(SlotStates states, LocalNames names, int index,
      LocalsLayout current) {
    int capacity = states.kinds.length;
    int[] slots = new int[capacity];
    LocalNames.Variable[] found = new LocalNames.Variable[capacity];
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
    if (open != null && open.canThrow) {
      ranges.add(open);
    }
    return null;
  }

  private static boolean endsFlow(int opcode) {
    return (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
        || opcode == Opcodes.ATHROW || opcode == Opcodes.GOTO
        || opcode == Opcodes.TABLESWITCH || opcode == Opcodes.LOOKUPSWITCH;
  }

  /** Whether the instruction can complete abruptly (linkage and resolution errors included). */
  static boolean canThrow(int opcode) {
    return switch (opcode) {
      case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
          Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE,
          Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
          Opcodes.SASTORE, Opcodes.IDIV, Opcodes.LDIV, Opcodes.IREM, Opcodes.LREM,
          Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD,
          Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC,
          Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC, Opcodes.NEW, Opcodes.NEWARRAY,
          Opcodes.ANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.ATHROW, Opcodes.CHECKCAST,
          Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.MULTIANEWARRAY, Opcodes.LDC -> true;
      default -> false;
    };
  }

  /** Consecutive instructions, {@code first} to {@code last} inclusive, sharing one layout. */
  static final class CoveredRange {
    final AbstractInsnNode first;
    final LocalsLayout layout;
    AbstractInsnNode last;
    boolean canThrow;

    CoveredRange(AbstractInsnNode first, LocalsLayout layout) {
      this.first = first;
      this.layout = layout;
    }
  }
}
