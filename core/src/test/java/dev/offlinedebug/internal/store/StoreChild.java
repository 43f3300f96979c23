package dev.offlinedebug.internal.store;

import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.spi.CaptureLimits;
import dev.offlinedebug.spi.DumpWriter;
import dev.offlinedebug.spi.LoggedEvent;
import dev.offlinedebug.spi.WriterSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main class of the child JVMs the store tests start. Prints each ID on its own line once
 * {@code write} returned it, {@code NULL} for a dropped dump and {@code STATUS ...} for reports.
 *
 * <p>{@code loop DIR}: writes distinct failures until killed. {@code threads DIR THREADS COUNT}:
 * THREADS threads write COUNT failures each. {@code fill DIR COUNT [PADDING]}: writes COUNT failures
 * into files that never roll by size, for a child started under a file-size limit; with PADDING,
 * logged messages that many characters longer, each failure written twice, as an appender and its
 * {@code %dumpId} converter write it (the second time with a short event, as a converter without the
 * agent's locals would), the second result printed as {@code AGAIN ...}. A report with a throwable ends in {@code CAUSE}. At the end it prints {@code
 * THREAD name} for each live thread whose name starts with {@code offline-debug}, then {@code DONE}.
 */
public final class StoreChild {
  private static final PrintStream OUT = System.out;

  private StoreChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    long maxFileSize = args[0].equals("fill") ? 1L << 40 : 1L << 20;
    WriterSettings settings = new WriterSettings(dir, maxFileSize, Long.MAX_VALUE, Duration.ofDays(7),
        Duration.ZERO, 1_000_000, "child", CaptureLimits.DEFAULTS);
    try (DumpWriter writer = DumpWriter.open(settings, (message, cause) -> print("STATUS " + message + (cause == null ? "" : " CAUSE")))) {
      switch (args[0]) {
        case "loop" -> {
          for (int i = 0; ; i++) {
            write(writer, i);
          }
        }
        case "threads" -> {
          int count = Integer.parseInt(args[3]);
          List<Thread> threads = new ArrayList<>();
          for (int t = 0; t < Integer.parseInt(args[2]); t++) {
            Thread thread = new Thread(() -> {
              for (int i = 0; i < count; i++) {
                write(writer, i);
              }
            });
            thread.start();
            threads.add(thread);
          }
          for (Thread thread : threads) {
            thread.join();
          }
        }
        case "fill" -> {
          String padding = args.length > 3 ? "x".repeat(Integer.parseInt(args[3])) : "";
          for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            IllegalStateException failure = new IllegalStateException("failure " + i);
            written(writer.write(failure, new LoggedEvent(Instant.now(), null, null, "order " + i + padding,
                ThreadInfo.current(), Map.of(), List.of(), Map.of())));
            if (!padding.isEmpty()) {
              print("AGAIN " + writer.dumpId(failure, LoggedEvent::standalone));
            }
          }
        }
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("offline-debug")) {
        print("THREAD " + thread.getName());
      }
    }
    print("DONE");
  }

  private static void write(DumpWriter writer, int i) {
    written(writer.write(StoreTests.failure(i), LoggedEvent.standalone()));
  }

  private static void written(String id) {
    print(id == null ? "NULL" : id);
  }

  private static synchronized void print(String line) {
    OUT.println(line);
    OUT.flush();
  }
}
