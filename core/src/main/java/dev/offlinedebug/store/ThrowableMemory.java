package dev.offlinedebug.store;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The IDs of the last throwables written, by identity, so the same throwable object logged again
 * gets its first ID. A fixed number of slots holding weak references: bounded, never keeps a
 * throwable alive, and a collision merely forgets an older entry.
 */
final class ThrowableMemory {
  private static final int SLOTS = 256;
  private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SLOTS);

  String idOf(Throwable thrown) {
    Slot slot = slots.get(index(thrown));
    return slot != null && slot.get() == thrown ? slot.id : null;
  }

  void remember(Throwable thrown, String id) {
    slots.set(index(thrown), new Slot(thrown, id));
  }

  private static int index(Throwable thrown) {
    int h = System.identityHashCode(thrown);
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private static final class Slot extends WeakReference<Throwable> {
    final String id;

    Slot(Throwable thrown, String id) {
      super(thrown);
      this.id = id;
    }
  }
}
