package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The method's own exception-table entries that cover each instruction, in table order, as an
 * interned set id ({@code 0}: none). A catching stub rethrows from a place covered by copies of
 * exactly that set, so the JVM picks the same handler as without the agent. For each set, the
 * locals every instruction it covers is known to satisfy: the meet of its handlers' frames, which
 * the stub's own frame starts from so that its rethrow is acceptable to each of those handlers.
 */
final class EnclosingHandlers {
  static final int NONE = 0;

  private final int[] setAt;
  private final List<List<TryCatchBlockNode>> sets = new ArrayList<>();
  /** Per set, the frame type of each slot ({@code TOP} when free); null when not usable. */
  private final List<Object[]> baseFrames = new ArrayList<>();

  /** @param frames full frame locals by instruction index, see {@link SlotStates#expandFrames} */
  EnclosingHandlers(MethodNode method, Object[][] frames) {
    InsnList instructions = method.instructions;
    int count = instructions.size();
    setAt = new int[count];
    sets.add(List.of());
    baseFrames.add(null);
    List<TryCatchBlockNode> entries = method.tryCatchBlocks == null ? List.of()
        : List.copyOf(method.tryCatchBlocks);
    if (entries.isEmpty()) {
      return;
    }
    boolean[] boundary = new boolean[count + 1];
    int[] starts = new int[entries.size()];
    int[] ends = new int[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      starts[i] = instructions.indexOf(entries.get(i).start);
      ends[i] = instructions.indexOf(entries.get(i).end);
      boundary[starts[i]] = true;
      boundary[ends[i]] = true;
    }
    Map<List<TryCatchBlockNode>, Integer> ids = new HashMap<>();
    int current = NONE;
    for (int index = 0; index < count; index++) {
      if (boundary[index]) {
        List<TryCatchBlockNode> covering = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
          if (starts[i] <= index && index < ends[i]) {
            covering.add(entries.get(i));
          }
        }
        current = covering.isEmpty() ? NONE : ids.computeIfAbsent(covering, set -> {
          sets.add(set);
          baseFrames.add(meet(set, instructions, frames, method.maxLocals));
          return sets.size() - 1;
        });
      }
      setAt[index] = current;
    }
  }

  int setAt(int index) {
    return setAt[index];
  }

  List<TryCatchBlockNode> entries(int set) {
    return sets.get(set);
  }

  /** A copy of the slot types all handlers of {@code set} accept; null when there is none. */
  Object[] baseFrame(int set) {
    Object[] frame = baseFrames.get(set);
    return frame == null ? null : frame.clone();
  }

  /**
   * Slot by slot, the one type the handlers' frames give (or {@code TOP}); null when two disagree,
   * or one holds an uninitialised object or has no frame at all.
   */
  private static Object[] meet(List<TryCatchBlockNode> set, InsnList instructions,
      Object[][] frames, int maxLocals) {
    Object[] merged = new Object[maxLocals];
    Arrays.fill(merged, Opcodes.TOP);
    for (TryCatchBlockNode entry : set) {
      FrameNode frame = frameAt(entry.handler);
      if (frame == null) {
        return null;
      }
      int slot = 0;
      for (Object local : frames[instructions.indexOf(frame)]) {
        if (slot >= maxLocals) {
          return null;
        }
        boolean usable = local instanceof String || local == Opcodes.INTEGER
            || local == Opcodes.FLOAT || local == Opcodes.LONG || local == Opcodes.DOUBLE
            || local == Opcodes.NULL || local == Opcodes.TOP;
        if (!usable) {
          return null;
        }
        boolean wide = local == Opcodes.LONG || local == Opcodes.DOUBLE;
        if (local != Opcodes.TOP) {
          if (merged[slot] == Opcodes.TOP) {
            merged[slot] = local;
          } else if (!merged[slot].equals(local)) {
            return null;
          }
          boolean afterWide = slot > 0
              && (merged[slot - 1] == Opcodes.LONG || merged[slot - 1] == Opcodes.DOUBLE);
          if (afterWide || (wide && (slot + 1 >= maxLocals || merged[slot + 1] != Opcodes.TOP))) {
            return null;
          }
        }
        slot += wide ? 2 : 1;
      }
    }
    return merged;
  }

  /** The frame at a handler: it follows the label, before any instruction. */
  private static FrameNode frameAt(AbstractInsnNode handler) {
    for (AbstractInsnNode node = handler; node != null; node = node.getNext()) {
      if (node instanceof FrameNode frame) {
        return frame;
      }
      if (node.getOpcode() >= 0) {
        return null;
      }
    }
    return null;
  }
}
