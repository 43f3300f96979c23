package dev.offlinedebug.benchmarks;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.capture.DumpCapture;
import dev.offlinedebug.json.JsonExport;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.LoggedEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The capture side of a dump, against {@code printStackTrace} into a {@code StringWriter} of the same
 * exception: capturing the reference exception (20 frames, one cause, about 50 values held in the
 * exception's fields, which go through the same value capture as locals), exporting the dump as
 * JSON, and rebuilding it. Setup prints the text sizes: JSON export characters vs the plain trace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CaptureBenchmark {
  private static final int FRAMES = 20;

  /** An application exception carrying the state a failing order handler would hold. */
  static final class OrderRejected extends RuntimeException {
    private final long orderId = 42;
    private final String customer = "Ada Lovelace";
    private final Order order = Order.sample();
    private final Map<String, Object> context = new LinkedHashMap<>();

    OrderRejected(String message, Throwable cause) {
      super(message, cause);
      context.put("requestId", "r-8c1f");
      context.put("attempt", 3);
      context.put("deadline", Instant.parse("2026-11-26T05:00:00Z"));
    }
  }

  static final class Order {
    private final String id = "o-1001";
    private final List<Line> lines = new ArrayList<>();
    private final BigDecimal total = new BigDecimal("123.45");
    private final String currency = "EUR";
    private final boolean express = true;

    static Order sample() {
      Order order = new Order();
      for (int i = 0; i < 8; i++) {
        order.lines.add(new Line("sku-" + i, i + 1, new BigDecimal("9.99")));
      }
      return order;
    }
  }

  record Line(String sku, int quantity, BigDecimal price) {}

  private final DumpCapture capture = new DumpCapture(CaptureLimits.DEFAULTS, "bench");
  private Throwable thrown;
  private Dump dump;

  @Setup(Level.Trial)
  public void setUp() {
    IllegalStateException cause = new IllegalStateException("stock for sku-3 exhausted");
    cause.setStackTrace(frames("com.acme.stock.Inventory"));
    thrown = new OrderRejected("order o-1001 rejected", cause);
    thrown.setStackTrace(frames("com.acme.orders.OrderService"));
    dump = capture.capture("od-bench", thrown, LoggedEvent.standalone());
    int json = JsonExport.toJson(dump).getBytes(StandardCharsets.UTF_8).length;
    int text = printStackTrace().getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("%nJSON export %d bytes, printStackTrace %d bytes, ratio %.2f%n", json, text, (double) json / text);
  }

  private static StackTraceElement[] frames(String base) {
    StackTraceElement[] frames = new StackTraceElement[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      frames[i] = new StackTraceElement(base + (i % 4), "step" + i, "Step" + (i % 4) + ".java", 100 + i);
    }
    return frames;
  }

  @Benchmark
  public String printStackTrace() {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Benchmark
  public Dump capture() {
    return capture.capture("od-bench", thrown, LoggedEvent.standalone());
  }

  @Benchmark
  public String jsonExport() {
    return JsonExport.toJson(dump);
  }

  @Benchmark
  public Throwable rebuild() {
    return dump.rebuild();
  }
}
