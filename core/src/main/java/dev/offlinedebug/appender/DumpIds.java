package dev.offlinedebug.appender;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Remembers which dump each recently logged throwable went to, so that the appender and any number
 * of {@code %dumpId} converters agree on one ID per throwable, whichever runs first and on whichever
 * thread, and a throwable logged again reuses its dump.
 *
 * <p>A direct-mapped cache keyed by the throwable's identity: bounded to {@value #SLOTS} entries,
 * holding throwables weakly. A collision evicts the older entry; the writer's own same-throwable
 * memory then still returns the same ID. Writes for one throwable are serialised on a lock stripe,
 * so two threads logging the same throwable at once produce exactly one dump.
 */
final class DumpIds {
  static final int SLOTS = 1024;
  private static final int STRIPES = 64;

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);
  private final Object[] stripes = new Object[STRIPES];

  DumpIds() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * The ID already assigned to {@code thrown}, or the one {@code write} returns for it now.
   *
   * @param write writes the dump; returns {@code null} when it was dropped (not remembered then)
   */
  String idFor(Throwable thrown, Function<Throwable, String> write) {
    int hash = spread(System.identityHashCode(thrown));
    String id = lookup(hash, thrown);
    if (id != null) {
      return id;
    }
    // STRIPES divides SLOTS, so one slot always maps to the same stripe.
    synchronized (stripes[hash & (STRIPES - 1)]) {
      id = lookup(hash, thrown);
      if (id == null) {
        id = write.apply(thrown);
        if (id != null) {
          slots.set(hash & (SLOTS - 1), new Entry(thrown, id));
        }
      }
      return id;
    }
  }

  private String lookup(int hash, Throwable thrown) {
    Entry e = slots.get(hash & (SLOTS - 1));
    return e != null && e.get() == thrown ? e.id : null;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static final class Entry extends WeakReference<Throwable> {
    final String id;

    Entry(Throwable thrown, String id) {
      super(thrown);
      this.id = id;
    }
  }
}
