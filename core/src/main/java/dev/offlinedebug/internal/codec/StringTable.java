package dev.offlinedebug.internal.codec;

import java.util.Arrays;
import java.util.List;

/**
 * The names a record repeats (class, method, file, type, field and variable names), each stored
 * once per record and referred to by index. {@code null} is index {@code 0}. Reused from record to
 * record: an open-addressing table on the strings' cached hash codes, pre-sized for a usual dump,
 * cleared instead of reallocated. Capture uses one too, to tell a long name's first use in a dump
 * from a repeat when it estimates the record's size. Not thread-safe.
 *
 * @since 0.1
 */
public final class StringTable {
  private static final int INITIAL_SLOTS = 512;
  /** A table grown past this by a huge dump goes back to the initial size when cleared. */
  private static final int KEEP_SLOTS = 1 << 14;

  private String[] slots = new String[INITIAL_SLOTS];
  private int[] slotIndexes = new int[INITIAL_SLOTS];
  /** The hash code of the string in each slot: a probe past other strings reads no string. */
  private int[] slotHashes = new int[INITIAL_SLOTS];
  private int shift = Integer.numberOfLeadingZeros(INITIAL_SLOTS) + 1;
  /** The slot of each string, by index: clearing empties only these. */
  private int[] slotOf = new int[INITIAL_SLOTS / 2];
  /** The strings in index order; slot 0 stays {@code null}. */
  private String[] strings = new String[INITIAL_SLOTS / 2];
  private int size = 1;

  /** An empty table. */
  public StringTable() {
    // Slot 0 is null's.
  }

  /** Index of {@code s}, adding it on first use. */
  public int indexOf(String s) {
    if (s == null) {
      return 0;
    }
    int mask = slots.length - 1;
    int hash = s.hashCode();
    int slot = slotOf(hash);
    for (String present = slots[slot]; present != null; present = slots[slot]) {
      if (present == s || slotHashes[slot] == hash && present.equals(s)) {
        return slotIndexes[slot];
      }
      slot = (slot + 1) & mask;
    }
    int index = size++;
    if (index == strings.length) {
      strings = Arrays.copyOf(strings, index * 2);
      slotOf = Arrays.copyOf(slotOf, index * 2);
    }
    strings[index] = s;
    slots[slot] = s;
    slotIndexes[slot] = index;
    slotHashes[slot] = hash;
    slotOf[index] = slot;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return index;
  }

  /** How many indexes are in use, {@code null}'s included. */
  public int size() {
    return size;
  }

  /** The string at {@code index}, which is below {@link #size()}. */
  String get(int index) {
    return strings[index];
  }

  /** Forgets every string but {@code null}. */
  public void clear() {
    if (slots.length > KEEP_SLOTS) {
      slots = new String[INITIAL_SLOTS];
      slotIndexes = new int[INITIAL_SLOTS];
      slotHashes = new int[INITIAL_SLOTS];
      shift = Integer.numberOfLeadingZeros(INITIAL_SLOTS) + 1;
      slotOf = new int[INITIAL_SLOTS / 2];
      strings = new String[INITIAL_SLOTS / 2];
    } else {
      for (int index = 1; index < size; index++) {
        slots[slotOf[index]] = null;
        strings[index] = null;
      }
    }
    size = 1;
  }

  private void rehash(int slotCount) {
    slots = new String[slotCount];
    slotIndexes = new int[slotCount];
    slotHashes = new int[slotCount];
    shift = Integer.numberOfLeadingZeros(slotCount) + 1;
    int mask = slotCount - 1;
    for (int index = 1; index < size; index++) {
      int hash = strings[index].hashCode();
      int slot = slotOf(hash);
      while (slots[slot] != null) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = strings[index];
      slotIndexes[slot] = index;
      slotHashes[slot] = hash;
      slotOf[index] = slot;
    }
  }

  /**
   * The first slot to probe: the top bits of the hash times the golden ratio. Names that differ in
   * their last character ({@code handle0}, {@code handle1}) have neighbouring hash codes, which
   * the low bits would put in neighbouring slots, one long probe run.
   */
  private int slotOf(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** Reading side: the string at {@code index} of a decoded table. */
  static String lookup(List<String> table, int index) {
    if (index < 0 || index >= table.size()) {
      throw new IllegalStateException("string index " + index + " outside table of " + table.size());
    }
    return table.get(index);
  }
}
