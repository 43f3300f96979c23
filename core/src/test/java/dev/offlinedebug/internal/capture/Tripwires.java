package dev.offlinedebug.internal.capture;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Application classes each of whose methods records that it ran: whatever values they make up, the
 * capture must run none of them. Recording never throws, so building the values works normally.
 */
final class Tripwires {
  private Tripwires() {}

  /** The methods of the classes below that ran since the last {@link #reset()}. */
  static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

  static void reset() {
    CALLED.clear();
  }

  static void trip(String method) {
    CALLED.add(method);
  }

  /** A value with every method a capture or a JDK collection might call. */
  static final class Item implements Comparable<Item>, Serializable {
    private final String name;

    Item(String name) {
      this.name = name;
    }

    public String getName() {
      trip("Item.getName");
      return name;
    }

    @Override
    public int compareTo(Item other) {
      trip("Item.compareTo");
      return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
      trip("Item.equals");
      return other instanceof Item i && i.name.equals(name);
    }

    @Override
    public int hashCode() {
      trip("Item.hashCode");
      return name.hashCode();
    }

    @Override
    public String toString() {
      trip("Item.toString");
      return name;
    }

    private Object writeReplace() {
      trip("Item.writeReplace");
      return this;
    }
  }

  /** An enum whose constant has a body of its own. */
  enum Mode {
    FAST {
      @Override
      public String toString() {
        trip("Mode.FAST.toString");
        return "fast";
      }
    }
  }

  /** An application comparator. */
  static final Comparator<Item> ORDER =
      (a, b) -> {
        trip("comparator");
        return a.name.compareTo(b.name);
      };

  /** A record whose accessor is the application's. */
  record Pair(Item left, Item right) {
    @Override
    public Item left() {
      trip("Pair.left");
      return left;
    }
  }

  /** An application list whose reading methods are its own. */
  static final class ItemList extends ArrayList<Item> {
    ItemList(Item... items) {
      super(java.util.List.of(items));
    }

    @Override
    public int size() {
      trip("ItemList.size");
      return super.size();
    }

    @Override
    public Item get(int index) {
      trip("ItemList.get");
      return super.get(index);
    }

    @Override
    public Iterator<Item> iterator() {
      trip("ItemList.iterator");
      return super.iterator();
    }

    @Override
    public ListIterator<Item> listIterator(int index) {
      trip("ItemList.listIterator");
      return super.listIterator(index);
    }

    @Override
    public Spliterator<Item> spliterator() {
      trip("ItemList.spliterator");
      return super.spliterator();
    }

    @Override
    public Object[] toArray() {
      trip("ItemList.toArray");
      return super.toArray();
    }

    @Override
    public void forEach(Consumer<? super Item> action) {
      trip("ItemList.forEach");
      super.forEach(action);
    }

    @Override
    public Stream<Item> stream() {
      trip("ItemList.stream");
      return super.stream();
    }
  }

  /** An application map whose reading methods are its own. */
  static final class ItemMap extends HashMap<Item, Item> {
    ItemMap(Item key, Item value) {
      super.put(key, value);
    }

    @Override
    public int size() {
      trip("ItemMap.size");
      return super.size();
    }

    @Override
    public Item get(Object key) {
      trip("ItemMap.get");
      return super.get(key);
    }

    @Override
    public Set<Map.Entry<Item, Item>> entrySet() {
      trip("ItemMap.entrySet");
      return super.entrySet();
    }

    @Override
    public Set<Item> keySet() {
      trip("ItemMap.keySet");
      return super.keySet();
    }

    @Override
    public Collection<Item> values() {
      trip("ItemMap.values");
      return super.values();
    }
  }

  /** An application deque. */
  static final class ItemDeque extends ArrayDeque<Item> {
    ItemDeque(Item item) {
      super.add(item);
    }

    @Override
    public Iterator<Item> iterator() {
      trip("ItemDeque.iterator");
      return super.iterator();
    }

    @Override
    public int size() {
      trip("ItemDeque.size");
      return super.size();
    }
  }

  /** An application entry. */
  static final class ItemEntry implements Map.Entry<Item, Item> {
    private final Item key;
    private final Item value;

    ItemEntry(Item key, Item value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public Item getKey() {
      trip("ItemEntry.getKey");
      return key;
    }

    @Override
    public Item getValue() {
      trip("ItemEntry.getValue");
      return value;
    }

    @Override
    public Item setValue(Item v) {
      trip("ItemEntry.setValue");
      return value;
    }
  }

  /** An application map handing out {@link ItemEntry}s. */
  static final class EntryMap extends java.util.AbstractMap<Item, Item> {
    private final Set<Map.Entry<Item, Item>> entries;

    EntryMap(Item key, Item value) {
      entries = Set.of(new ItemEntry(key, value));
    }

    @Override
    public Set<Map.Entry<Item, Item>> entrySet() {
      trip("EntryMap.entrySet");
      return entries;
    }
  }

  /** An application exception whose text is its own. */
  static final class ItemFailure extends Exception {
    ItemFailure(String message) {
      super(message);
    }

    @Override
    public String getMessage() {
      trip("ItemFailure.getMessage");
      return super.getMessage();
    }

    @Override
    public String getLocalizedMessage() {
      trip("ItemFailure.getLocalizedMessage");
      return super.getLocalizedMessage();
    }

    @Override
    public String toString() {
      trip("ItemFailure.toString");
      return super.toString();
    }
  }

  /** An application char sequence. */
  static final class ItemText implements CharSequence {
    @Override
    public int length() {
      trip("ItemText.length");
      return 2;
    }

    @Override
    public char charAt(int index) {
      trip("ItemText.charAt");
      return 'x';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      trip("ItemText.subSequence");
      return "xx".subSequence(start, end);
    }

    @Override
    public String toString() {
      trip("ItemText.toString");
      return "xx";
    }
  }

  /** A sorted set of items in application order. */
  static TreeSet<Item> orderedSet(Item... items) {
    TreeSet<Item> set = new TreeSet<>(ORDER);
    set.addAll(java.util.List.of(items));
    return set;
  }
}
