package dev.offlinedebug.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Appends the handlers after a method's code. Per layout:
 *
 * <pre>
 *   H:  [frame: layout's locals, stack Throwable]
 *       dup; astore t         // the throwable, kept in a new slot for F
 *       dup; load locals      // covered by F
 *       invokedynamic record(Throwable, locals...)V
 *       athrow                // the same throwable, unchanged
 *   F:  [frame: t only]       // once per method: linking or recording failed
 *       aload t; athrow       // the failure stays below on the stack, unused
 * </pre>
 *
 * Frames are written by hand (ASM's computed frames would load classes inside the transformer).
 * Every byte counts: the handlers add to the method's size, which decides JIT inlining.
 */
final class HandlerStubs {
  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC,
      "dev/offlinedebug/locals/RecordingSite", "bootstrap",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)"
          + "Ljava/lang/invoke/CallSite;", false);
  private static final int INVOKEDYNAMIC_SIZE = 5;

  private final String ownerName;
  private final MethodNode method;
  private final int thrownSlot;

  HandlerStubs(String owner, MethodNode method) {
    this.ownerName = owner.replace('/', '.');
    this.method = method;
    this.thrownSlot = method.maxLocals;
  }

  /** Bytes the handlers for {@code layouts} add to the method's code. */
  int size(Set<LocalsLayout> layouts) {
    int thrown = varSize(thrownSlot);
    int total = thrown + 1;
    for (LocalsLayout layout : layouts) {
      total += 1 + thrown + 1 + INVOKEDYNAMIC_SIZE + 1;
      for (int slot : layout.slots) {
        total += varSize(slot);
      }
    }
    return total;
  }

  void append(Map<LocalsLayout, List<MethodInstrumenter.CoveredRange>> byLayout) {
    InsnList code = method.instructions;
    LabelNode failed = new LabelNode();
    List<TryCatchBlockNode> entries = new ArrayList<>();
    List<TryCatchBlockNode> stubCovers = new ArrayList<>();
    int maxValueSlots = 0;
    for (Map.Entry<LocalsLayout, List<MethodInstrumenter.CoveredRange>> each
        : byLayout.entrySet()) {
      LocalsLayout layout = each.getKey();
      LabelNode handler = new LabelNode();
      for (MethodInstrumenter.CoveredRange range : each.getValue()) {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        code.insertBefore(range.first, start);
        code.insert(range.last, end);
        entries.add(new TryCatchBlockNode(start, end, handler, null));
      }
      LabelNode recordStart = new LabelNode();
      LabelNode recordEnd = new LabelNode();
      Object[] locals = layout.frameLocals();
      code.add(handler);
      code.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1,
          new Object[] {LocalsLayout.THROWABLE}));
      code.add(new InsnNode(Opcodes.DUP));
      code.add(new VarInsnNode(Opcodes.ASTORE, thrownSlot));
      code.add(recordStart);
      code.add(new InsnNode(Opcodes.DUP));
      for (int i = 0; i < layout.slots.length; i++) {
        code.add(new VarInsnNode(LocalsLayout.loadOpcode(layout.kinds[i]), layout.slots[i]));
      }
      code.add(new InvokeDynamicInsnNode("record", layout.descriptor(), BOOTSTRAP, ownerName,
          method.name, String.join(",", layout.names), String.join(",", layout.types)));
      code.add(recordEnd);
      code.add(new InsnNode(Opcodes.ATHROW));
      stubCovers.add(new TryCatchBlockNode(recordStart, recordEnd, failed, null));
      maxValueSlots = Math.max(maxValueSlots, layout.valueSlots());
    }
    Object[] failedLocals = new Object[thrownSlot + 1];
    Arrays.fill(failedLocals, Opcodes.TOP);
    failedLocals[thrownSlot] = LocalsLayout.THROWABLE;
    code.add(failed);
    code.add(new FrameNode(Opcodes.F_NEW, failedLocals.length, failedLocals, 1,
        new Object[] {LocalsLayout.THROWABLE}));
    code.add(new VarInsnNode(Opcodes.ALOAD, thrownSlot));
    code.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.addAll(entries);
    method.tryCatchBlocks.addAll(stubCovers);
    method.maxLocals = thrownSlot + 1;
    method.maxStack = Math.max(method.maxStack, 2 + maxValueSlots);
  }

  private static int varSize(int slot) {
    return slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
  }
}
