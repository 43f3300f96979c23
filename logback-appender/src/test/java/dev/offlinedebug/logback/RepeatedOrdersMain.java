package dev.offlinedebug.logback;

import dev.offlinedebug.spi.WireRuntime;
import dev.offlinedebug.testing.RepeatedOrders;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The child JVM of {@link RepeatedOrdersTest}: logs three failed requests through SLF4J. */
public final class RepeatedOrdersMain {
  private RepeatedOrdersMain() {}

  public static void main(String[] args) throws Exception {
    Logger logger = LoggerFactory.getLogger(RepeatedOrders.LOGGER);
    // A writer drops dumps while Chronicle's background initialisation takes longer than a few seconds.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    RepeatedOrders.run(request -> {
      MDC.put("request", request.id());
      logger.error(RepeatedOrders.MESSAGE, request.thrown());
      MDC.clear();
    });
    // Exits without stopping Logback, as applications do: the configuration's <shutdownHook/> stops it.
  }
}
