package dev.offlinedebug.s3;

import com.acme.shop.Failures;
import dev.offlinedebug.spi.WireRuntime;
import java.time.Duration;

/**
 * The application of {@link UploadChildJvmTest}: logs one failure through Log4j2 or Logback
 * (configured by system properties), then exits normally or waits to be killed.
 */
public final class UploadChildMain {
  private UploadChildMain() {}

  /** {@code args}: {@code log4j2|logback}, {@code exit|wait}. */
  public static void main(String[] args) throws InterruptedException {
    Thread.currentThread().setName("checkout-child");
    boolean log4j2 = args[0].equals("log4j2");
    Object logger = log4j2
        ? org.apache.logging.log4j.LogManager.getLogger("shop.Orders")
        : org.slf4j.LoggerFactory.getLogger("shop.Orders");
    // Starting the configuration started Chronicle's initialisation in the background; a writer drops
    // dumps while it takes longer than a few seconds, which a loaded CI machine can make it take.
    WireRuntime.awaitReady(Duration.ofMinutes(2));
    if (log4j2) {
      ((org.apache.logging.log4j.Logger) logger).error("order {} failed", 42, Failures.orderFailure());
    } else {
      ((org.slf4j.Logger) logger).error("order {} failed", 42, Failures.orderFailure());
    }
    System.out.println("LOGGED");
    if (args[1].equals("wait")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    // "exit": no explicit shutdown. Log4j2's shutdown hook stops its appenders; Logback without
    // <shutdownHook/> stops nothing, so the uploader's own hook ships what is left.
  }
}
