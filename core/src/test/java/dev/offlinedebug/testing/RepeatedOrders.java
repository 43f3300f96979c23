package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.Inventory;
import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.PrimitiveValue;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The appenders' child-JVM test of repeats (issue 13): three requests fail the same way with
 * quantities 7, 9 and 7, inside the dedup window; each log line must carry its own ID, and each ID
 * must load that request's values. The child JVM {@linkplain #run runs} the requests through its
 * logging framework; the test reads the log lines back and {@linkplain #assertEachIdLoadsItsOwnValues
 * checks} the dumps.
 */
public final class RepeatedOrders {
  /** The logger the requests fail on. */
  public static final String LOGGER = "shop.Inventory";
  /** The message they are logged with; the exception's own message says the quantity. */
  public static final String MESSAGE = "order failed";
  private static final String SKU = "SKU-CHAIR";
  private static final List<Integer> QUANTITIES = List.of(7, 9, 7);

  private RepeatedOrders() {}

  /**
   * One failed request.
   *
   * @param id the request's ID, for the MDC: {@code r1}, {@code r2}, ...
   * @param thrown what the request failed with, thrown by the application's {@code reserve}
   */
  public record Request(String id, Throwable thrown) {}

  /**
   * One log line of a failed request as the test reads it from the log file.
   *
   * @param dumpId the ID the line carries
   * @param thread the thread name on the line
   * @param exception the first line of the stack trace under it: type and message
   */
  public record Line(String dumpId, String thread, String exception) {}

  /**
   * Runs {@code main} in a child JVM with the agent jar Maven names in {@code offlinedebug.it.agentJar}
   * (the test is skipped before the package phase builds it), this JVM's class path, and {@code
   * properties} (the framework's configuration and where it writes, in {@code dir}); returns the
   * application's log {@code dir/app.log}.
   */
  public static String runChild(Class<?> main, Path dir, String... properties)
      throws IOException, InterruptedException {
    String agentJar = System.getProperty("offlinedebug.it.agentJar", "");
    assumeTrue(agentJar.endsWith(".jar"), "the agent jar is built by the package phase (mvn verify): " + agentJar);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agentJar + "=include=com.acme.*", "-cp", System.getProperty("java.class.path"),
        "-Dchronicle.analytics.disable=true"));
    command.addAll(List.of(properties));
    command.add(main.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile()).start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "child JVM did not exit");
    assertEquals(0, child.exitValue(), () -> dir.resolve("child.out").toString());
    return Files.readString(dir.resolve("app.log"));
  }

  /** Fails each request on its own thread, {@code http-exec-1} ..., one after the other, and hands it to {@code log}. */
  public static void run(Consumer<Request> log) throws InterruptedException {
    for (int i = 0; i < QUANTITIES.size(); i++) {
      int quantity = QUANTITIES.get(i);
      String id = "r" + (i + 1);
      Thread thread = new Thread(() -> log.accept(new Request(id, Inventory.outOfStock(SKU, quantity))),
          "http-exec-" + (i + 1));
      thread.start();
      thread.join();
    }
  }

  /**
   * Three lines, in order, with three different IDs (the repeats' greppable as the first's), each
   * loading as its own request: its message, thread, MDC and the {@code quantity} local of {@code
   * reserve}; and the first dump lists the other two as its occurrences.
   */
  public static void assertEachIdLoadsItsOwnValues(Path dumps, List<Line> lines) throws IOException {
    assertEquals(QUANTITIES.size(), lines.size(), lines::toString);
    assertEquals(QUANTITIES.size(), new HashSet<>(lines.stream().map(Line::dumpId).toList()).size(),
        () -> "each repeat's log line must carry its own ID: " + lines);
    String first = lines.get(0).dumpId();
    DumpStore store = OfflineDebug.open(dumps);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      int quantity = QUANTITIES.get(i);
      String message = quantity + " items of " + SKU + " out of stock";
      assertEquals("java.lang.IllegalStateException: " + message, line.exception(), line::toString);
      assertEquals("http-exec-" + (i + 1), line.thread(), line::toString);
      assertTrue(i == 0 || line.dumpId().startsWith(first + "."), () -> line + " is not greppable as " + first);
      Dump dump = store.load(line.dumpId());
      assertEquals(line.dumpId(), dump.id());
      assertEquals(line.thread(), dump.thread().name());
      assertEquals("r" + (i + 1), dump.mdc().get("request"), dump.mdc()::toString);
      ThrowableInfo root = dump.exception().root();
      assertEquals(message, root.message(), line::toString);
      FrameInfo reserve = root.frames().get(0);
      assertEquals("reserve", reserve.methodName());
      assertTrue(reserve.locals().contains(new LocalVariable("quantity", "int", new PrimitiveValue("int", quantity))),
          () -> line + " loads " + reserve.locals());
    }
    DumpOccurrences occurrences = store.occurrences(first);
    assertEquals(List.of(lines.get(1).dumpId(), lines.get(2).dumpId()),
        occurrences.stored().stream().map(DumpOccurrences.Stored::id).toList());
    assertEquals(0, occurrences.counted());
  }
}
