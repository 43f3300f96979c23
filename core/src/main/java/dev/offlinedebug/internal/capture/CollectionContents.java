package dev.offlinedebug.internal.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * What was read of a collection or map before any of it is captured.
 *
 * @param items the first elements, or for a map its first keys and values alternating
 * @param size the number of elements or entries in the whole collection
 * @param map whether {@code items} alternates keys and values
 */
record CollectionContents(List<Object> items, int size, boolean map) {
  /** A map's keys, as the elements of the set they are. */
  CollectionContents keys() {
    List<Object> keys = new ArrayList<>(items.size() / 2);
    for (int i = 0; i < items.size(); i += 2) {
      keys.add(items.get(i));
    }
    return new CollectionContents(keys, size, false);
  }
}
