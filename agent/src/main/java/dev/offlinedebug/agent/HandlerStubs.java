package dev.offlinedebug.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

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
 * F and L come first, right after the method's own code, then one H (or C and R) per layout.
 * Frames are written by hand (ASM's computed frames would load classes inside the transformer), as
 * full frames; the method's own code, frames and exception entries are copied as they are (see
 * {@link CodeSplicer}).
 * Every byte counts: the handlers add to the method's size, which decides JIT inlining.
 */
final class HandlerStubs {
  /** {@code RecordingSite.link(Object...)}: the shortest descriptor a bootstrap method can have. */
  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC,
      "dev/offlinedebug/locals/RecordingSite", "link", "([Ljava/lang/Object;)Ljava/lang/Object;",
      false);
  private static final int INVOKEDYNAMIC_SIZE = 5;

  /**
   * Which stub records a group of ranges: exit stubs have {@link EnclosingHandlers#NONE}. Equality
   * written out: a record's generated {@code equals} and {@code hashCode} are bootstrapped through
   * method handles at first use, tens of milliseconds of the application's start-up spent in the
   * JVM's method handle runtime while the agent instruments its first class.
   */
  record Key(LocalsLayout layout, int enclosing) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && enclosing == that.enclosing && Objects.equals(layout, that.layout);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(layout) + enclosing;
    }
  }

  private final MethodNode method;
  private final EnclosingHandlers handlers;
  private final int thrownSlot;

  HandlerStubs(MethodNode method, EnclosingHandlers handlers) {
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

  /**
   * Appends the stubs for {@code byKey} through {@code code}: F and, when a catching stub needs it,
   * L first, so that every handler they name is known when it is named.
   *
   * @return the content of the method's new {@code Code} attribute
   */
  byte[] append(Map<Key, List<MethodInstrumenter.CoveredRange>> byKey, CodeSplicer code) {
    Object[] failedLocals = new Object[thrownSlot + 1];
    Arrays.fill(failedLocals, Opcodes.TOP);
    failedLocals[thrownSlot] = LocalsLayout.THROWABLE;
    int failed = code.pc();
    code.frame(failedLocals);
    code.var(Opcodes.ALOAD, thrownSlot);
    code.insn(Opcodes.ATHROW);
    int left = -1;
    for (Key key : byKey.keySet()) {
      if (key.enclosing() != EnclosingHandlers.NONE) {
        left = appendLeft(code, failed);
        break;
      }
    }
    int maxValueSlots = 0;
    for (Map.Entry<Key, List<MethodInstrumenter.CoveredRange>> each : byKey.entrySet()) {
      Key key = each.getKey();
      LocalsLayout layout = key.layout();
      boolean catches = key.enclosing() != EnclosingHandlers.NONE;
      int handler = code.pc();
      for (MethodInstrumenter.CoveredRange range : each.getValue()) {
        code.entry(catches, code.offset(range.firstThrowing), code.endOffset(range.lastThrowing),
            handler, null);
      }
      Object[] frame = catches ? catchingFrame(key) : null;
      code.frame(catches ? LocalsLayout.expand(frame) : layout.frameLocals());
      code.insn(Opcodes.DUP);
      code.var(Opcodes.ASTORE, thrownSlot);
      int recordStart = code.pc();
      code.insn(Opcodes.DUP);
      for (int i = 0; i < layout.slots.length; i++) {
        code.var(LocalsLayout.loadOpcode(layout.kinds[i]), layout.slots[i]);
      }
      code.invokeDynamic(catches ? "caught" : "record", layout.descriptor(), BOOTSTRAP,
          layout.bootstrapArguments(method.name));
      int recordEnd = code.pc();
      if (catches) {
        Object[] withThrown = Arrays.copyOf(frame, thrownSlot + 1);
        for (int slot = frame.length; slot < thrownSlot; slot++) {
          withThrown[slot] = Opcodes.TOP;
        }
        withThrown[thrownSlot] = LocalsLayout.THROWABLE;
        int rethrow = code.pc();
        code.frame(LocalsLayout.expand(withThrown));
        code.var(Opcodes.ALOAD, thrownSlot);
        code.insn(Opcodes.ATHROW);
        int rethrowEnd = code.pc();
        code.entry(false, recordStart, recordEnd, rethrow, null);
        for (TryCatchBlockNode original : handlers.entries(key.enclosing())) {
          code.entry(false, rethrow, rethrowEnd, code.offset(original.handler), original.type);
        }
        code.entry(false, rethrow, rethrowEnd, left, null);
      } else {
        code.insn(Opcodes.ATHROW);
        code.entry(false, recordStart, recordEnd, failed, null);
      }
      maxValueSlots = Math.max(maxValueSlots, layout.valueSlots());
    }
    return code.finish(Math.max(method.maxStack, 2 + maxValueSlots), thrownSlot + 1);
  }

  /** L: a throwable a catching stub recorded leaves the method; the record of this frame ends. */
  private int appendLeft(CodeSplicer code, int failed) {
    int left = code.pc();
    code.frame(new Object[0]);
    code.insn(Opcodes.DUP);
    code.var(Opcodes.ASTORE, thrownSlot);
    int start = code.pc();
    code.insn(Opcodes.DUP);
    code.invokeDynamic("left", "(L" + LocalsLayout.THROWABLE + ";)V", BOOTSTRAP, method.name);
    int end = code.pc();
    code.insn(Opcodes.ATHROW);
    code.entry(false, start, end, failed, null);
    return left;
  }

  private static int varSize(int slot) {
    return slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
  }
}
