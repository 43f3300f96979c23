package dev.offlinedebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.spi.DumpRenderer;
import dev.offlinedebug.spi.Style;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the agent (this JVM runs with {@code -javaagent}, see the failsafe argLine), collections
 * whose methods take a monitor, the JDK's wrappers and sets kept in a map show their elements in
 * {@code show} and in the JSON export on every JDK, read from their fields while another thread
 * holds each one's monitor, and without running any application method.
 */
class LockingCollectionsShowIT {
  /** Only there so that a capture that does block fails instead of hanging the build. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** Set by every method of the application classes below. */
  static volatile String called;

  /** An application element: ordering, hashing or printing it would run its code. */
  static final class Sku implements Comparable<Sku> {
    final String code;

    Sku(String code) {
      this.code = code;
    }

    @Override
    public int compareTo(Sku other) {
      called = "Sku.compareTo";
      return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object other) {
      called = "Sku.equals";
      return other instanceof Sku s && s.code.equals(code);
    }

    @Override
    public int hashCode() {
      called = "Sku.hashCode";
      return code.hashCode();
    }

    @Override
    public String toString() {
      called = "Sku.toString";
      return code;
    }
  }

  /** An application subclass of a JDK collection whose methods take the monitor. */
  static final class Ledger extends Vector<String> {
    Ledger(String... lines) {
      super(List.of(lines));
    }

    @Override
    public synchronized int size() {
      called = "Ledger.size";
      return super.size();
    }
  }

  static final class Registry extends Hashtable<String, Integer> {
    @Override
    public Set<Map.Entry<String, Integer>> entrySet() {
      called = "Registry.entrySet";
      return super.entrySet();
    }
  }

  /** An application exception holding the values as fields: captured without the agent's locals. */
  static final class Holding extends RuntimeException {
    private final Map<String, Object> held;

    Holding(Map<String, Object> held) {
      super("holding");
      this.held = held;
    }
  }

  private static final Comparator<Sku> BY_CODE = (a, b) -> {
    called = "BY_CODE";
    return a.code.compareTo(b.code);
  };

  /** The collections by name, and the elements (or {@code key=value} entries) each must show. */
  private static Map<String, Object> collections() {
    Map<String, Object> held = new LinkedHashMap<>();
    Stack<String> stack = new Stack<>();
    stack.push("s1");
    stack.push("s2");
    Registry registry = new Registry();
    registry.put("r", 1);
    TreeSet<Sku> skus = new TreeSet<>(List.of(new Sku("a"), new Sku("b")));
    TreeSet<Sku> ordered = new TreeSet<>(BY_CODE);
    ordered.addAll(List.of(new Sku("c"), new Sku("d")));
    ConcurrentSkipListSet<String> skip = new ConcurrentSkipListSet<>(List.of("k1", "k2"));
    Set<String> fromMap = Collections.newSetFromMap(new TreeMap<>());
    fromMap.add("f1");
    held.put("vector", new Vector<>(List.of("v1", "v2")));
    held.put("stack", stack);
    held.put("ledger", new Ledger("l1"));
    held.put("hashtable", new Hashtable<>(Map.of("h", 1)));
    held.put("registry", registry);
    held.put("treeSet", skus);
    held.put("orderedTreeSet", ordered);
    held.put("skipListSet", skip);
    held.put("setFromMap", fromMap);
    held.put("syncList", Collections.synchronizedList(new ArrayList<>(List.of("sl1"))));
    held.put("syncSet", Collections.synchronizedSet(new HashSet<>(Set.of("ss1"))));
    held.put("syncMap", Collections.synchronizedMap(new TreeMap<>(Map.of("sm", 2))));
    held.put("syncNavigableSet", Collections.synchronizedNavigableSet(new TreeSet<>(Set.of("sn1"))));
    held.put("unmodifiableList", Collections.unmodifiableList(new ArrayList<>(List.of("ul1"))));
    held.put("unmodifiableMap", Collections.unmodifiableMap(new TreeMap<>(Map.of("um", 3))));
    held.put("checkedCollection", Collections.checkedCollection(new ArrayList<>(List.of("cc1")), String.class));
    held.put("arrayBlockingQueue", new ArrayBlockingQueue<>(4, false, List.of("aq1", "aq2")));
    held.put("linkedBlockingQueue", new LinkedBlockingQueue<>(List.of("lq1")));
    held.put("linkedBlockingDeque", new LinkedBlockingDeque<>(List.of("ld1")));
    held.put("priorityBlockingQueue", new PriorityBlockingQueue<>(List.of("pq1")));
    return held;
  }

  /** Collections of application elements, each of two: showing them must run none of their code. */
  private static Map<String, Object> ofApplicationElements() {
    Sku a = new Sku("a");
    Sku b = new Sku("b");
    Map<String, Object> held = new LinkedHashMap<>();
    Stack<Sku> stack = new Stack<>();
    stack.addAll(List.of(a, b));
    TreeSet<Sku> ordered = new TreeSet<>(BY_CODE);
    ordered.addAll(List.of(a, b));
    PriorityBlockingQueue<Sku> queue = new PriorityBlockingQueue<>(2, BY_CODE);
    queue.addAll(List.of(a, b));
    ConcurrentSkipListSet<Sku> skip = new ConcurrentSkipListSet<>(BY_CODE);
    skip.addAll(List.of(a, b));
    held.put("skuVector", new Vector<>(List.of(a, b)));
    held.put("skuStack", stack);
    held.put("skuHashtable", new Hashtable<>(Map.of(a, b, b, a)));
    held.put("skuTreeSet", new TreeSet<>(List.of(a, b)));
    held.put("skuSyncSortedSet", Collections.synchronizedSortedSet(ordered));
    held.put("skuSyncMap", Collections.synchronizedMap(new Hashtable<>(Map.of(a, b, b, a))));
    held.put("skuCheckedSet", Collections.checkedSet(new HashSet<>(Set.of(a, b)), Sku.class));
    held.put("skuSkipListSet", skip);
    held.put("skuBlockingQueue", queue);
    held.put("skuBlockingDeque", new LinkedBlockingDeque<>(List.of(a, b)));
    return held;
  }

  private static final Map<String, String> SHOWN = Map.ofEntries(
      Map.entry("vector", "[\"v1\", \"v2\"]"),
      Map.entry("stack", "[\"s1\", \"s2\"]"),
      Map.entry("ledger", "[\"l1\"]"),
      Map.entry("hashtable", "{\"h\"=1}"),
      Map.entry("registry", "{\"r\"=1}"),
      Map.entry("skipListSet", "[\"k1\", \"k2\"]"),
      Map.entry("setFromMap", "[\"f1\"]"),
      Map.entry("syncList", "[\"sl1\"]"),
      Map.entry("syncSet", "[\"ss1\"]"),
      Map.entry("syncMap", "{\"sm\"=2}"),
      Map.entry("syncNavigableSet", "[\"sn1\"]"),
      Map.entry("unmodifiableList", "[\"ul1\"]"),
      Map.entry("unmodifiableMap", "{\"um\"=3}"),
      Map.entry("checkedCollection", "[\"cc1\"]"),
      Map.entry("arrayBlockingQueue", "[\"aq1\", \"aq2\"]"),
      Map.entry("linkedBlockingQueue", "[\"lq1\"]"),
      Map.entry("linkedBlockingDeque", "[\"ld1\"]"),
      Map.entry("priorityBlockingQueue", "[\"pq1\"]"));

  @Test
  void showAndExport_monitorsHeldByAnotherThread_elementsFromFieldsWithoutApplicationCode(@TempDir Path dir)
      throws Exception {
    Map<String, Object> held = collections();
    Map<String, Object> applicationElements = ofApplicationElements();
    held.putAll(applicationElements);
    Path file = dir.resolve("holding.dump");
    called = null;

    holdingMonitors(List.copyOf(held.values()), () -> assertTimeoutPreemptively(HANG_GUARD,
        () -> OfflineDebug.save(new Holding(held), file), "a held monitor blocked the capture"));

    assertEquals(null, called, "application code ran while capturing");
    String shown = new DumpRenderer(Style.PLAIN).render(OfflineDebug.load(file));
    JsonObject json = JsonParser.parseString(JsonExport.toJson(OfflineDebug.load(file))).getAsJsonObject();
    Map<String, JsonElement> exported = new LinkedHashMap<>();
    json.getAsJsonObject("exception").getAsJsonObject("fields").getAsJsonObject("held").getAsJsonArray("entries")
        .forEach(pair -> exported.put(pair.getAsJsonArray().get(0).getAsString(), pair.getAsJsonArray().get(1)));
    SHOWN.forEach((name, elements) -> {
      String line = shown.lines().filter(l -> l.contains("[\"" + name + "\"] = ")).findFirst().orElse("");
      assertTrue(line.contains(held.get(name).getClass().getName() + " #"), name + "\n" + shown);
      assertTrue(line.endsWith(" " + elements), name + " shows " + elements + "\n" + shown);
      JsonObject value = exported.get(name).getAsJsonObject();
      String part = elements.startsWith("{") ? "entries" : "elements";
      assertNotNull(value.get(part), name + " exported as a collection: " + value);
      assertEquals(((Collection<?>) asCollection(held.get(name))).size(), value.getAsJsonArray(part).size(), name);
    });
    for (String name : applicationElements.keySet()) {
      JsonObject value = exported.get(name).getAsJsonObject();
      String part = value.has("entries") ? "entries" : "elements";
      assertEquals(List.of(2), List.of(value.getAsJsonArray(part).size()), name + " shows both: " + value);
    }
    assertFalse(shown.contains("<unavailable>"), shown);
  }

  @Test
  void agent_opensJavaUtilToItsBootClassOnly() throws Exception {
    Module base = Object.class.getModule();
    Module boot = Class.forName("dev.offlinedebug.locals.JdkFieldGetters", false, null).getModule();

    for (String name : List.of("java.util", "java.util.concurrent")) {
      assertTrue(base.isOpen(name, boot), name);
      assertFalse(base.isOpen(name, LockingCollectionsShowIT.class.getModule()), name + " stays closed to the application");
      assertFalse(base.isOpen(name, DumpRenderer.class.getModule()), name);
    }
    assertFalse(base.isOpen("java.lang", boot), "no other package is opened");
    assertFalse(Hashtable.class.getDeclaredField("count").trySetAccessible(), "no setAccessible for the application");
  }

  private static Object asCollection(Object value) {
    return value instanceof Map<?, ?> m ? m.entrySet() : value;
  }

  /** Runs {@code whileHeld} while one other thread holds the monitor of every value. */
  private static void holdingMonitors(List<Object> values, Runnable whileHeld) throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread holding = new Thread(() -> {
      try {
        hold(values, 0, held, release);
      } catch (Throwable t) {
        failure.set(t);
        held.countDown();
      }
    }, "holds every monitor");
    holding.start();
    try {
      held.await();
      assertEquals(null, failure.get());
      whileHeld.run();
    } finally {
      release.countDown();
      holding.join();
    }
  }

  private static void hold(List<Object> values, int next, CountDownLatch held, CountDownLatch release)
      throws InterruptedException {
    if (next == values.size()) {
      held.countDown();
      release.await();
      return;
    }
    synchronized (values.get(next)) {
      hold(values, next + 1, held, release);
    }
  }
}
