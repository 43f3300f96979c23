package dev.offlinedebug.internal.codec;

/**
 * What was worked out for a name before (its encoded bytes, its encoded length), for the names a
 * store's records repeat dump after dump: class, method, file and thread names. Bounded: 256 slots
 * by hash, a few probes from a name's first slot (similar names such as {@code handle0} and {@code
 * handle1} often share it); a name that finds its slots taken replaces the one in its first. One per
 * thread: not thread-safe.
 *
 * @param <V> what is remembered per name
 */
public final class NameCache<V> {
  private static final int SLOTS = 256;
  private static final int SHIFT = Integer.numberOfLeadingZeros(SLOTS) + 1;
  private static final int PROBES = 4;
  /** Longer names (map keys can be any text) are not worth keeping: callers work them out anew. */
  public static final int MAX_LENGTH = 96;

  private final String[] names = new String[SLOTS];
  private final Object[] values = new Object[SLOTS];

  /** @return what was kept for {@code name}, or null */
  @SuppressWarnings("unchecked")
  public V get(String name) {
    int first = first(name);
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (first + probe) & (SLOTS - 1);
      String cached = names[slot];
      if (cached == null) {
        return null;
      }
      if (cached == name || cached.equals(name)) {
        return (V) values[slot];
      }
    }
    return null;
  }

  /** Keeps {@code value} for {@code name}, at most {@link #MAX_LENGTH} characters long. */
  public void put(String name, V value) {
    int first = first(name);
    int target = first;
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (first + probe) & (SLOTS - 1);
      if (names[slot] == null) {
        target = slot;
        break;
      }
    }
    names[target] = name;
    values[target] = value;
  }

  private static int first(String name) {
    return (name.hashCode() * 0x9E3779B9) >>> SHIFT;
  }
}
