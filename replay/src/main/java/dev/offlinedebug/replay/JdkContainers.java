package dev.offlinedebug.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.function.Supplier;

/**
 * The JDK collections and maps that replay builds, each through its own constructor: the JDK's
 * general-purpose ones, which hold plain elements and run no code of the elements but {@code
 * equals}, {@code hashCode} and {@code compareTo}. A collection or map of any other class (a JDK
 * class a dump names, such as {@code BeanContextSupport}, or an application's) becomes the nearest
 * of {@code ArrayList}, {@code LinkedHashSet}, {@code LinkedList} or {@code LinkedHashMap}.
 */
final class JdkContainers {
  /** How to make an empty one, and whether it takes {@code null} elements, keys and values. */
  private record Kind(Supplier<Object> constructor, boolean acceptsNull) {}

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      kind(ArrayList.class, ArrayList::new, true),
      kind(LinkedList.class, LinkedList::new, true),
      kind(Vector.class, Vector::new, true),
      kind(Stack.class, Stack::new, true),
      kind(CopyOnWriteArrayList.class, CopyOnWriteArrayList::new, true),
      kind(HashSet.class, HashSet::new, true),
      kind(LinkedHashSet.class, LinkedHashSet::new, true),
      kind(CopyOnWriteArraySet.class, CopyOnWriteArraySet::new, true),
      kind(TreeSet.class, TreeSet::new, false),
      kind(ConcurrentSkipListSet.class, ConcurrentSkipListSet::new, false),
      kind(ArrayDeque.class, ArrayDeque::new, false),
      kind(PriorityQueue.class, PriorityQueue::new, false),
      kind(PriorityBlockingQueue.class, PriorityBlockingQueue::new, false),
      kind(ConcurrentLinkedQueue.class, ConcurrentLinkedQueue::new, false),
      kind(ConcurrentLinkedDeque.class, ConcurrentLinkedDeque::new, false),
      kind(LinkedBlockingQueue.class, LinkedBlockingQueue::new, false),
      kind(LinkedBlockingDeque.class, LinkedBlockingDeque::new, false),
      kind(LinkedTransferQueue.class, LinkedTransferQueue::new, false),
      kind(HashMap.class, HashMap::new, true),
      kind(LinkedHashMap.class, LinkedHashMap::new, true),
      kind(IdentityHashMap.class, IdentityHashMap::new, true),
      kind(TreeMap.class, TreeMap::new, false),
      kind(Hashtable.class, Hashtable::new, false),
      kind(ConcurrentHashMap.class, ConcurrentHashMap::new, false),
      kind(ConcurrentSkipListMap.class, ConcurrentSkipListMap::new, false));

  private JdkContainers() {}

  private static Map.Entry<String, Kind> kind(Class<?> type, Supplier<Object> constructor, boolean acceptsNull) {
    return Map.entry(type.getName(), new Kind(constructor, acceptsNull));
  }

  /** Whether replay builds collections or maps of class {@code name} as themselves. */
  static boolean isBuilt(String name) {
    return KINDS.containsKey(name);
  }

  /** Whether the built class {@code name} takes {@code null} elements, keys and values. */
  static boolean acceptsNull(String name) {
    return KINDS.get(name).acceptsNull();
  }

  /** A new, empty collection or map of the built class {@code name}. */
  static Object newInstance(String name) {
    Kind kind = KINDS.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("replay does not build " + name);
    }
    return kind.constructor().get();
  }
}
