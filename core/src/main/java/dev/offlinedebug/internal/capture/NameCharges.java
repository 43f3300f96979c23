package dev.offlinedebug.internal.capture;

import dev.offlinedebug.internal.codec.NameCache;
import dev.offlinedebug.internal.codec.StringTable;

/**
 * The names one thread's dumps charged to their byte budgets, kept from dump to dump with their
 * encoded lengths and the last dump that used each. Dump after dump the names are mostly the same
 * (class, method, file, local variable and type names): one probe of this table tells a name's
 * first use in a dump from a repeat and gives its length, where a table cleared for each dump and
 * a cache of lengths took two probes and the clearing. Names longer than {@link
 * NameCache#MAX_LENGTH} (a map key can be any text) are kept for one dump only. Not thread-safe:
 * one per thread.
 */
final class NameCharges {
  private static final int INITIAL_SLOTS = 1024;
  /** A table grown past this many names by a huge dump starts empty at the next dump. */
  private static final int KEEP_NAMES = 512;

  private String[] slots;
  private int[] hashes;
  private int[] lengths;
  /** The dump that last used the name in each slot. */
  private int[] dumps;
  private int shift;
  private int size;
  private int lastDump;
  private final StringTable longNames = new StringTable();

  NameCharges() {
    reset(INITIAL_SLOTS);
  }

  /** Starts a dump, to which every name is new; returns the number that marks its names. */
  int startDump() {
    longNames.clear();
    if (size > KEEP_NAMES || ++lastDump == 0) {
      reset(INITIAL_SLOTS);
      lastDump = 1;
    }
    return lastDump;
  }

  /**
   * The bytes the codec writes for {@code name} when this is its first use in {@code dump}, else
   * {@code -1}.
   */
  long firstUse(String name, int dump) {
    if (name.length() > NameCache.MAX_LENGTH) {
      int known = longNames.size();
      return longNames.indexOf(name) == known ? ByteBudget.encodedLength(name) : -1;
    }
    int mask = slots.length - 1;
    int hash = name.hashCode();
    int slot = (hash * 0x9E3779B9) >>> shift;
    for (String present = slots[slot]; present != null; present = slots[slot]) {
      if (present == name || hashes[slot] == hash && present.equals(name)) {
        if (dumps[slot] == dump) {
          return -1;
        }
        dumps[slot] = dump;
        return lengths[slot];
      }
      slot = (slot + 1) & mask;
    }
    int length = (int) ByteBudget.encodedLength(name);
    slots[slot] = name;
    hashes[slot] = hash;
    lengths[slot] = length;
    dumps[slot] = dump;
    if (++size * 2 > slots.length) {
      grow();
    }
    return length;
  }

  private void reset(int slotCount) {
    slots = new String[slotCount];
    hashes = new int[slotCount];
    lengths = new int[slotCount];
    dumps = new int[slotCount];
    shift = Integer.numberOfLeadingZeros(slotCount) + 1;
    size = 0;
  }

  private void grow() {
    String[] oldSlots = slots;
    int[] oldHashes = hashes;
    int[] oldLengths = lengths;
    int[] oldDumps = dumps;
    int kept = size;
    reset(oldSlots.length * 2);
    size = kept;
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != null) {
        int slot = (oldHashes[i] * 0x9E3779B9) >>> shift;
        while (slots[slot] != null) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = oldSlots[i];
        hashes[slot] = oldHashes[i];
        lengths[slot] = oldLengths[i];
        dumps[slot] = oldDumps[i];
      }
    }
  }
}
