package dev.offlinedebug.log4j2;

import dev.offlinedebug.spi.WireRuntime;
import dev.offlinedebug.testing.RepeatedOrders;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** The child JVM of {@link RepeatedOrdersTest}: logs three failed requests through the default context. */
public final class RepeatedOrdersMain {
  private RepeatedOrdersMain() {}

  public static void main(String[] args) throws Exception {
    Logger logger = LogManager.getLogger(RepeatedOrders.LOGGER);
    // A writer drops dumps while Chronicle's background initialisation takes longer than a few seconds.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    RepeatedOrders.run(request -> {
      ThreadContext.put("request", request.id());
      logger.error(RepeatedOrders.MESSAGE, request.thrown());
      ThreadContext.clearMap();
    });
    LogManager.shutdown();
  }
}
