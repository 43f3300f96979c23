package dev.offlinedebug.log4j2;

import org.apache.logging.log4j.LogManager;
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
    LogManager.getLogger("shop.Orders").error("order {} failed", 42, Failures.orderFailure());
    LogManager.shutdown();
  }
}
