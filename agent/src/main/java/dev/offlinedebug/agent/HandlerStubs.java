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
 * Appends the handlers after a method's code. An <em>exit</em> stub covers code outside the
 * method's own try blocks; its entries come after the method's own, so it only sees a throwable
 * that leaves the method:
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
 * A <em>catching</em> stub covers code inside the method's own try blocks; its entries come first,
 * so it records the locals as the throwable arrives, before any of the method's handlers runs
 * (block-scoped locals included), then rethrows from a place covered by copies of the very entries
 * that covered the throwing instruction, in their order: the JVM picks the same handler as without
 * the agent. Its frame keeps every slot those handlers' frames hold, with their types.
 *
 * <pre>
 *   C:  [frame: handlers' locals + layout's locals, stack Throwable]
 *       dup; astore t; dup; load locals
 *       invokedynamic caught(Throwable, locals...)V    // covered by R
 *   R:  [frame: as C + t, stack Throwable]
 *       aload t; athrow       // covered by the copies, then by L
 *   L:  [frame: none, stack Throwable]                // once: no handler of the method took it
 *       dup; astore t; dup; invokedynamic left(Throwable)V; athrow     // covered by F
 * </pre>
 *
 * Frames are written by hand (ASM's computed frames would load classes inside the transformer), as
 * full frames: the method's own frames stay compressed as read.
 * Every byte counts: the handlers add to the method's size, which decides JIT inlining.
 */
final class HandlerStubs {
  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC,
      "dev/offlinedebug/locals/RecordingSite", "bootstrap",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;)"
          + "Ljava/lang/invoke/CallSite;", false);
  private static final int INVOKEDYNAMIC_SIZE = 5;

  /** Which stub records a group of ranges: exit stubs have {@link EnclosingHandlers#NONE}. */
  record Key(LocalsLayout layout, int enclosing) {}

  private final String ownerName;
  private final MethodNode method;
  private final EnclosingHandlers handlers;
  private final int thrownSlot;

  /** @param className binary name of the class, with dots */
  HandlerStubs(String className, MethodNode method, EnclosingHandlers handlers) {
    this.ownerName = className;
    this.method = method;
    this.handlers = handlers;
    this.thrownSlot = method.maxLocals;
  }

  /**
   * The catching stub's frame by slot (without t), or null when the layout does not fit the
   * enclosing handlers' frames: then the ranges get an exit stub.
   */
  Object[] catchingFrame(Key key) {
    Object[] base = handlers.baseFrame(key.enclosing());
    return base == null ? null : key.layout().onto(base);
  }

  /** Bytes the handlers for {@code keys} add to the method's code. */
  int size(Set<Key> keys) {
    int thrown = varSize(thrownSlot);
    int total = thrown + 1;
    boolean leaves = false;
    for (Key key : keys) {
      total += 1 + thrown + 1 + INVOKEDYNAMIC_SIZE + 1;
      if (key.enclosing() != EnclosingHandlers.NONE) {
        total += thrown;
        leaves = true;
      }
      for (int slot : key.layout().slots) {
        total += varSize(slot);
      }
    }
    return total + (leaves ? 1 + thrown + 1 + INVOKEDYNAMIC_SIZE + 1 : 0);
  }

  void append(Map<Key, List<MethodInstrumenter.CoveredRange>> byKey) {
    InsnList code = method.instructions;
    LabelNode failed = new LabelNode();
    LabelNode left = null;
    List<TryCatchBlockNode> catching = new ArrayList<>();
    List<TryCatchBlockNode> rethrows = new ArrayList<>();
    List<TryCatchBlockNode> exits = new ArrayList<>();
    List<TryCatchBlockNode> stubCovers = new ArrayList<>();
    int maxValueSlots = 0;
    for (Map.Entry<Key, List<MethodInstrumenter.CoveredRange>> each : byKey.entrySet()) {
      Key key = each.getKey();
      LocalsLayout layout = key.layout();
      boolean catches = key.enclosing() != EnclosingHandlers.NONE;
      LabelNode handler = new LabelNode();
      for (MethodInstrumenter.CoveredRange range : each.getValue()) {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        code.insertBefore(range.first, start);
        code.insert(range.last, end);
        (catches ? catching : exits).add(new TryCatchBlockNode(start, end, handler, null));
      }
      Object[] frame = catches ? catchingFrame(key) : null;
      Object[] locals = catches ? LocalsLayout.expand(frame) : layout.frameLocals();
      LabelNode recordStart = new LabelNode();
      LabelNode recordEnd = new LabelNode();
      code.add(handler);
      code.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1,
          new Object[] {LocalsLayout.THROWABLE}));
      code.add(new InsnNode(Opcodes.DUP));
      code.add(new VarInsnNode(Opcodes.ASTORE, thrownSlot));
      code.add(recordStart);
      code.add(new InsnNode(Opcodes.DUP));
      for (int i = 0; i < layout.slots.length; i++) {
        code.add(new VarInsnNode(LocalsLayout.loadOpcode(layout.kinds[i]), layout.slots[i]));
      }
      code.add(new InvokeDynamicInsnNode(catches ? "caught" : "record", layout.descriptor(),
          BOOTSTRAP, layout.bootstrapArguments(ownerName, method.name)));
      code.add(recordEnd);
      if (catches) {
        left = left == null ? new LabelNode() : left;
        LabelNode rethrow = new LabelNode();
        LabelNode rethrowEnd = new LabelNode();
        Object[] withThrown = Arrays.copyOf(frame, thrownSlot + 1);
        for (int slot = frame.length; slot < thrownSlot; slot++) {
          withThrown[slot] = Opcodes.TOP;
        }
        withThrown[thrownSlot] = LocalsLayout.THROWABLE;
        Object[] rethrowLocals = LocalsLayout.expand(withThrown);
        code.add(rethrow);
        code.add(new FrameNode(Opcodes.F_FULL, rethrowLocals.length, rethrowLocals, 1,
            new Object[] {LocalsLayout.THROWABLE}));
        code.add(new VarInsnNode(Opcodes.ALOAD, thrownSlot));
        code.add(new InsnNode(Opcodes.ATHROW));
        code.add(rethrowEnd);
        stubCovers.add(new TryCatchBlockNode(recordStart, recordEnd, rethrow, null));
        for (TryCatchBlockNode original : handlers.entries(key.enclosing())) {
          rethrows.add(new TryCatchBlockNode(rethrow, rethrowEnd, original.handler,
              original.type));
        }
        rethrows.add(new TryCatchBlockNode(rethrow, rethrowEnd, left, null));
      } else {
        code.add(new InsnNode(Opcodes.ATHROW));
        stubCovers.add(new TryCatchBlockNode(recordStart, recordEnd, failed, null));
      }
      maxValueSlots = Math.max(maxValueSlots, layout.valueSlots());
    }
    if (left != null) {
      appendLeft(code, left, failed, stubCovers);
    }
    Object[] failedLocals = new Object[thrownSlot + 1];
    Arrays.fill(failedLocals, Opcodes.TOP);
    failedLocals[thrownSlot] = LocalsLayout.THROWABLE;
    code.add(failed);
    code.add(new FrameNode(Opcodes.F_FULL, failedLocals.length, failedLocals, 1,
        new Object[] {LocalsLayout.THROWABLE}));
    code.add(new VarInsnNode(Opcodes.ALOAD, thrownSlot));
    code.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.addAll(0, catching);
    method.tryCatchBlocks.addAll(rethrows);
    method.tryCatchBlocks.addAll(exits);
    method.tryCatchBlocks.addAll(stubCovers);
    method.maxLocals = thrownSlot + 1;
    method.maxStack = Math.max(method.maxStack, 2 + maxValueSlots);
  }

  /** L: a throwable a catching stub recorded leaves the method; the record of this frame ends. */
  private void appendLeft(InsnList code, LabelNode left, LabelNode failed,
      List<TryCatchBlockNode> stubCovers) {
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    code.add(left);
    code.add(new FrameNode(Opcodes.F_FULL, 0, new Object[0], 1,
        new Object[] {LocalsLayout.THROWABLE}));
    code.add(new InsnNode(Opcodes.DUP));
    code.add(new VarInsnNode(Opcodes.ASTORE, thrownSlot));
    code.add(start);
    code.add(new InsnNode(Opcodes.DUP));
    code.add(new InvokeDynamicInsnNode("left", "(L" + LocalsLayout.THROWABLE + ";)V", BOOTSTRAP,
        ownerName, method.name));
    code.add(end);
    code.add(new InsnNode(Opcodes.ATHROW));
    stubCovers.add(new TryCatchBlockNode(start, end, failed, null));
  }

  private static int varSize(int slot) {
    return slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
  }
}
