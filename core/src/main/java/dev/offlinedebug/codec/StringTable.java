package dev.offlinedebug.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a record repeats (class, method, file, type, field and variable names), each stored
 * once per record and referred to by index. {@code null} is index {@code 0}.
 */
final class StringTable {
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> strings = new ArrayList<>();

  StringTable() {
    strings.add(null);
  }

  /** Index of {@code s}, adding it on first use. */
  int indexOf(String s) {
    if (s == null) {
      return 0;
    }
    Integer index = indexes.get(s);
    if (index == null) {
      index = strings.size();
      strings.add(s);
      indexes.put(s, index);
    }
    return index;
  }

  /** The strings in index order, {@code null} first. */
  List<String> strings() {
    return strings;
  }

  /** Reading side: the string at {@code index} of a decoded table. */
  static String lookup(List<String> table, int index) {
    if (index < 0 || index >= table.size()) {
      throw new IllegalStateException("string index " + index + " outside table of " + table.size());
    }
    return table.get(index);
  }
}
