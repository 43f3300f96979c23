package dev.offlinedebug.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.common.collect.ImmutableBiMap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.offlinedebug.internal.capture.Tripwires.EntryMap;
import dev.offlinedebug.internal.capture.Tripwires.Item;
import dev.offlinedebug.internal.capture.Tripwires.ItemDeque;
import dev.offlinedebug.internal.capture.Tripwires.ItemFailure;
import dev.offlinedebug.internal.capture.Tripwires.ItemList;
import dev.offlinedebug.internal.capture.Tripwires.ItemMap;
import dev.offlinedebug.internal.capture.Tripwires.ItemText;
import dev.offlinedebug.internal.capture.Tripwires.Pair;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.Value;
import dev.offlinedebug.spi.CaptureLimits;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.WriteAbortedException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.CharBuffer;
import java.rmi.RemoteException;
import java.security.PrivilegedActionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.naming.NamingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture's two safety properties over every kind of value it knows: it runs no application
 * method, and it never waits for a monitor or lock another thread holds.
 */
class CaptureSafetyTest {
  /** Only there so that a capture that does block fails instead of hanging the build. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static Value capture(Object value) {
    return new LocalsFixture().local("v", "java.lang.Object", value).capturedLocals(CaptureLimits.DEFAULTS).get("v");
  }

  static Stream<Arguments> valueKinds() {
    Item a = new Item("a");
    Item b = new Item("b");
    Item c = new Item("c");
    return Stream.of(
        kind("object with getters", () -> a),
        kind("record with own accessor", () -> new Pair(a, b)),
        kind("array", () -> new Item[] {a, b}),
        kind("enum constant with a body", () -> Tripwires.Mode.FAST),
        kind("ArrayList", () -> new ArrayList<>(List.of(a, b))),
        kind("HashSet", () -> new HashSet<>(Set.of(a, b))),
        kind("HashMap", () -> new HashMap<>(Map.of(a, b))),
        kind("List.of / Map.of", () -> List.of(Map.of(a, b), Set.of(a, b))),
        kind("TreeMap", () -> new TreeMap<>(Map.of(a, b, c, a))),
        kind("TreeMap with comparator", () -> orderedMap()),
        kind("TreeMap.headMap", () -> new TreeMap<>(Map.of(a, b, c, a)).headMap(c)),
        kind("TreeMap.tailMap with comparator", () -> orderedMap().tailMap(b)),
        kind("TreeMap.descendingMap.headMap", () -> new TreeMap<>(Map.of(a, b, c, a)).descendingMap().headMap(a)),
        kind("TreeMap.navigableKeySet.headSet", () -> new TreeMap<>(Map.of(a, b, c, a)).navigableKeySet().headSet(c)),
        kind("TreeSet", () -> new TreeSet<>(List.of(a, b))),
        kind("TreeSet.subSet", () -> new TreeSet<>(List.of(a, b, c)).subSet(a, c)),
        kind("TreeSet.headSet with comparator", () -> Tripwires.orderedSet(a, b, c).headSet(c)),
        kind("ConcurrentSkipListMap.tailMap", () -> new ConcurrentSkipListMap<>(Map.of(a, b, c, a)).tailMap(b)),
        kind("ConcurrentSkipListSet.subSet", () -> new ConcurrentSkipListSet<>(List.of(a, b, c)).subSet(a, c)),
        kind("PriorityQueue with comparator", () -> new PriorityQueue<>(Tripwires.ORDER) {{ add(a); add(b); }}),
        kind("Vector and Stack", () -> List.of(new Vector<>(List.of(a, b)), stackOf(a, b))),
        kind("application Vector", () -> new Vector<>(List.of(a, b)) {
          @Override
          public synchronized int size() {
            Tripwires.trip("vector.size");
            return super.size();
          }
        }),
        kind("Hashtable", () -> new Hashtable<>(Map.of(a, b, b, c))),
        kind("application Hashtable", () -> new Hashtable<>(Map.of(a, b)) {
          @Override
          public Set<Map.Entry<Item, Item>> entrySet() {
            Tripwires.trip("table.entrySet");
            return super.entrySet();
          }
        }),
        kind("ConcurrentSkipListSet with comparator", () -> new ConcurrentSkipListSet<>(Tripwires.ORDER) {{ add(a); add(b); }}),
        kind("newSetFromMap of TreeMap with comparator", () -> setFromMap(a, b)),
        kind("synchronizedSortedSet of TreeSet with comparator", () -> Collections.synchronizedSortedSet(Tripwires.orderedSet(a, b))),
        kind("asLifoQueue of ArrayDeque", () -> Collections.asLifoQueue(new ArrayDeque<>(List.of(a, b)))),
        kind("blocking queues", () -> List.of(new ArrayBlockingQueue<>(4, false, List.of(a, b)),
            new LinkedBlockingQueue<>(List.of(a, b)), new LinkedBlockingDeque<>(List.of(a, b)))),
        kind("PriorityBlockingQueue with comparator", () -> new PriorityBlockingQueue<>(4, Tripwires.ORDER) {{ add(a); add(b); }}),
        kind("application list", () -> new ItemList(a, b)),
        kind("application map", () -> new ItemMap(a, b)),
        kind("unmodifiableList of application list", () -> Collections.unmodifiableList(new ItemList(a))),
        kind("synchronizedList of application list", () -> Collections.synchronizedList(new ItemList(a))),
        kind("checkedList of application list", () -> Collections.checkedList(new ItemList(a), Item.class)),
        kind("unmodifiableCollection of application list", () -> Collections.unmodifiableCollection(new ItemList(a))),
        kind("unmodifiableMap of application map", () -> Collections.unmodifiableMap(new ItemMap(a, b))),
        kind("synchronizedMap of application map", () -> Collections.synchronizedMap(new ItemMap(a, b))),
        kind("unmodifiableSortedSet of a view", () -> Collections.unmodifiableSortedSet(new TreeSet<>(List.of(a, b, c)).headSet(c))),
        kind("newSetFromMap of application map", () -> Collections.newSetFromMap(new HashMap<Item, Boolean>() {
          @Override
          public int size() {
            Tripwires.trip("flags.size");
            return super.size();
          }
        })),
        kind("asLifoQueue of application deque", () -> Collections.asLifoQueue(new ItemDeque(a))),
        kind("unmodifiable entry of application entry",
            () -> Collections.unmodifiableMap(new EntryMap(a, b)).entrySet().iterator().next()),
        kind("Map.entry", () -> Map.entry(a, b)),
        kind("Optional and AtomicReference", () -> List.of(Optional.of(a), new AtomicReference<>(b))),
        kind("LongAccumulator with application function", () -> accumulator()),
        kind("application throwable", () -> new ItemFailure("held")),
        kind("PrivilegedActionException", () -> new PrivilegedActionException(new ItemFailure("inner"))),
        kind("NamingException root cause", () -> naming()),
        kind("RemoteException detail", () -> new RemoteException("remote", new ItemFailure("inner"))),
        kind("WriteAbortedException detail", () -> new WriteAbortedException("aborted", new ItemFailure("inner"))),
        kind("InvocationTargetException", () -> new InvocationTargetException(new ItemFailure("inner"))),
        kind("UndeclaredThrowableException", () -> new UndeclaredThrowableException(new ItemFailure("inner"))),
        kind("CharBuffer.wrap of application text", () -> CharBuffer.wrap(new ItemText())),
        kind("Guava ImmutableList/Set", () -> List.of(ImmutableList.of(a, b), ImmutableSet.of(a, b), ImmutableList.of(a))),
        kind("Guava ImmutableMap/BiMap", () -> List.of(ImmutableMap.of(a, b, b, c), ImmutableBiMap.of(a, b))),
        kind("Guava ImmutableSortedSet/Map",
            () -> List.of(ImmutableSortedSet.orderedBy(Tripwires.ORDER).add(a, b).build(),
                ImmutableSortedMap.orderedBy(Tripwires.ORDER).put(a, b).put(b, c).build())),
        kind("Kotlin ArrayDeque and builders", () -> kotlin(a, b)),
        kind("Scala collections", () -> scala(a, b)));
  }

  private static Arguments kind(String name, Supplier<Object> value) {
    return arguments(name, value);
  }

  private static TreeMap<Item, Item> orderedMap() {
    TreeMap<Item, Item> map = new TreeMap<>(Tripwires.ORDER);
    map.put(new Item("a"), new Item("1"));
    map.put(new Item("b"), new Item("2"));
    map.put(new Item("c"), new Item("3"));
    return map;
  }

  private static LongAccumulator accumulator() {
    LongAccumulator accumulator = new LongAccumulator((x, y) -> {
      Tripwires.trip("accumulator function");
      return x + y;
    }, 0);
    accumulator.accumulate(5);
    return accumulator;
  }

  private static NamingException naming() {
    NamingException e = new NamingException("naming");
    e.setRootCause(new ItemFailure("inner"));
    return e;
  }

  private static List<Object> kotlin(Item a, Item b) {
    kotlin.collections.ArrayDeque<Item> deque = new kotlin.collections.ArrayDeque<>();
    deque.addLast(a);
    kotlin.collections.builders.ListBuilder<Item> list = new kotlin.collections.builders.ListBuilder<>();
    list.add(a);
    kotlin.collections.builders.MapBuilder<Item, Item> map = new kotlin.collections.builders.MapBuilder<>();
    map.put(a, b);
    kotlin.collections.builders.SetBuilder<Item> set = new kotlin.collections.builders.SetBuilder<>();
    set.add(b);
    return List.of(deque, list, map, set);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> scala(Item a, Item b) {
    scala.collection.immutable.Map map = scala.collection.immutable.HashMap$.MODULE$.empty();
    scala.collection.mutable.HashMap mutable = new scala.collection.mutable.HashMap();
    mutable.update(a, b);
    return List.of(
        scala.jdk.javaapi.CollectionConverters.asScala(List.of(a, b)).toList(),
        scala.jdk.javaapi.CollectionConverters.asScala(List.of(a, b)).toVector(),
        map.updated(a, b).updated(b, a), scala.collection.immutable.Set$.MODULE$.empty().incl(a),
        mutable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueKinds")
  void capture_anyValueKind_runsNoApplicationMethod(String kind, Supplier<Object> make) {
    Object value = make.get();
    Tripwires.reset();

    Value captured = capture(value);

    assertNotNull(captured);
    assertEquals(Set.of(), Set.copyOf(Tripwires.CALLED), "application methods run while capturing " + kind);
  }

  /** Holds a monitor or lock of {@code value} on the calling thread while {@code whileHeld} runs. */
  @FunctionalInterface
  interface Holder {
    void hold(Object value, Runnable whileHeld) throws Exception;
  }

  /** The monitor of the value itself, as {@code synchronized} methods take it. */
  private static final Holder MONITOR =
      (value, whileHeld) -> {
        synchronized (value) {
          whileHeld.run();
        }
      };

  /** The queue's lock, held by {@code drainTo} while it hands an element to the application. */
  private static final Holder QUEUE_LOCK =
      (value, whileHeld) -> {
        @SuppressWarnings("unchecked")
        BlockingQueue<Object> queue = (BlockingQueue<Object>) value;
        queue.drainTo(new ArrayList<>() {
          @Override
          public boolean add(Object element) {
            whileHeld.run();
            return super.add(element);
          }
        }, 1);
      };

  /** A bin lock of the map, held while {@code computeIfAbsent} runs the application's function. */
  private static final Holder BIN_LOCK =
      (value, whileHeld) -> {
        @SuppressWarnings("unchecked")
        ConcurrentHashMap<Object, Object> map = (ConcurrentHashMap<Object, Object>) value;
        map.computeIfAbsent("absent", key -> {
          whileHeld.run();
          return "computed";
        });
      };

  /** The list's write lock, held while {@code removeIf} runs the application's predicate. */
  private static final Holder WRITE_LOCK =
      (value, whileHeld) -> ((CopyOnWriteArrayList<?>) value).removeIf(element -> {
        whileHeld.run();
        return false;
      });

  static Stream<Arguments> guardedKinds() {
    Properties properties = new Properties();
    properties.setProperty("k", "v");
    return Stream.of(
        arguments("Vector", new Vector<>(List.of("a")), MONITOR),
        arguments("Stack", stackOf("a"), MONITOR),
        arguments("application Vector", new Vector<>(List.of("a")) {}, MONITOR),
        arguments("application Hashtable", new Hashtable<>(Map.of("k", "v")) {}, MONITOR),
        arguments("synchronizedSortedSet", Collections.synchronizedSortedSet(new TreeSet<>(Set.of("a"))), MONITOR),
        arguments("Hashtable", new Hashtable<>(Map.of("k", "v")), MONITOR),
        arguments("Properties", properties, MONITOR),
        arguments("StringBuffer", new StringBuffer("text"), MONITOR),
        arguments("synchronizedList", Collections.synchronizedList(new ArrayList<>(List.of("a"))), MONITOR),
        arguments("synchronizedSet", Collections.synchronizedSet(new HashSet<>(Set.of("a"))), MONITOR),
        arguments("synchronizedMap", Collections.synchronizedMap(new HashMap<>(Map.of("k", "v"))), MONITOR),
        arguments("synchronizedSortedMap", Collections.synchronizedSortedMap(new TreeMap<>(Map.of("k", "v"))), MONITOR),
        arguments("synchronizedNavigableSet", Collections.synchronizedNavigableSet(new TreeSet<>(Set.of("a"))), MONITOR),
        arguments("synchronizedCollection", Collections.synchronizedCollection(new ArrayList<>(List.of("a"))), MONITOR),
        arguments("Throwable", new IOException("disk"), MONITOR),
        arguments("ByteArrayOutputStream", new ByteArrayOutputStream(), MONITOR),
        arguments("CharArrayWriter", new CharArrayWriter(), MONITOR),
        arguments("Random", new Random(1), MONITOR),
        arguments("LinkedHashMap", new LinkedHashMap<>(Map.of("k", "v")), MONITOR),
        arguments("CopyOnWriteArrayList", new CopyOnWriteArrayList<>(List.of("a")), WRITE_LOCK),
        arguments("ConcurrentHashMap", new ConcurrentHashMap<>(Map.of("k", "v")), BIN_LOCK),
        arguments("ArrayBlockingQueue", new ArrayBlockingQueue<>(4, false, List.of("a", "b")), QUEUE_LOCK),
        arguments("LinkedBlockingQueue", new LinkedBlockingQueue<>(List.of("a", "b")), QUEUE_LOCK),
        arguments("LinkedBlockingDeque", new LinkedBlockingDeque<>(List.of("a", "b")), QUEUE_LOCK),
        arguments("PriorityBlockingQueue", new PriorityBlockingQueue<>(List.of("a", "b")), QUEUE_LOCK));
  }

  private static Set<Item> setFromMap(Item... elements) {
    Set<Item> set = Collections.newSetFromMap(new TreeMap<>(Tripwires.ORDER));
    set.addAll(List.of(elements));
    return set;
  }

  @SafeVarargs
  private static <T> Stack<T> stackOf(T... elements) {
    Stack<T> stack = new Stack<>();
    for (T e : elements) {
      stack.push(e);
    }
    return stack;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedKinds")
  void capture_monitorOrLockHeldByAnotherThread_completes(String kind, Object value, Holder holder)
      throws Exception {
    assertNotNull(captureWhileHeld(kind, value, holder));
  }

  @Test
  void capture_stringBufferWhileItsMonitorIsHeld_showsItsText() throws Exception {
    StringBuffer buffer = new StringBuffer("ab");
    buffer.append('\u00e9').append("\u20ac");

    assertEquals(StringValue.of("ab\u00e9\u20ac"), captureWhileHeld("StringBuffer", buffer, MONITOR));
  }

  private static Value captureWhileHeld(String kind, Object value, Holder holder) throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> holderFailure = new AtomicReference<>();
    Thread holding = new Thread(() -> {
      try {
        holder.hold(value, () -> {
          held.countDown();
          awaitQuietly(release);
        });
      } catch (Throwable t) {
        holderFailure.set(t);
        held.countDown();
      }
    }, "holds " + kind);
    holding.start();
    try {
      held.await();
      assertEquals(null, holderFailure.get());

      return assertTimeoutPreemptively(HANG_GUARD, () -> capture(value), kind + " blocked the capture");
    } finally {
      release.countDown();
      holding.join();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
