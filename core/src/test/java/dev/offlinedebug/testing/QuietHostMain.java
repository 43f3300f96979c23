package dev.offlinedebug.testing;

import com.acme.shop.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application of {@link QuietHost}: logs one line, one failure and one more line through SLF4J
 * (to whichever framework the class path and its configuration give), then writes the names of
 * the threads that started meanwhile and are still alive to {@code args[0]}.
 */
public final class QuietHostMain {
  private QuietHostMain() {}

  public static void main(String[] args) throws IOException {
    Set<String> before = threadNames();
    Logger logger = LoggerFactory.getLogger("shop.Orders");
    logger.info("shop started");
    logger.error("order {} failed", 42, Failures.orderFailure());
    logger.info("shop still running");
    Set<String> started = threadNames();
    started.removeAll(before);
    Files.write(Path.of(args[0]), started);
  }

  private static Set<String> threadNames() {
    Set<String> names = new TreeSet<>();
    Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
    return names;
  }
}
