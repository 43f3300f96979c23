package dev.offlinedebug.log4j2;

import com.acme.shop.Failures;
import dev.offlinedebug.spi.WireRuntime;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * The child JVM of {@link ChildJvmTest}: logs one failure through the default context, which the
 * system properties configure from a test resource (and may make all-async).
 */
public final class ChildJvmMain {
  private ChildJvmMain() {}

  public static void main(String[] args) {
    Thread.currentThread().setName(args[0]);
    ThreadContext.put("orderId", "42");
    Logger logger = LogManager.getLogger("shop.Orders");
    // Starting the configuration started Chronicle's initialisation in the background. A writer drops
    // dumps while it takes longer than a few seconds, which a loaded CI machine can make it take.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    logger.error("order {} failed", 42, Failures.orderFailure());
    LogManager.shutdown();
  }
}
