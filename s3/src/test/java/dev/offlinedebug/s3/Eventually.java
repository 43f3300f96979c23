package dev.offlinedebug.s3;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;

/**
 * Waits for something the uploader does in the background. The limit only keeps a broken build from
 * hanging; no test measures how fast the upload is.
 */
final class Eventually {
  private static final long LIMIT_NANOS = 180_000_000_000L;

  private Eventually() {}

  static void await(String what, Callable<Boolean> condition) throws Exception {
    long start = System.nanoTime();
    while (!Boolean.TRUE.equals(condition.call())) {
      if (System.nanoTime() - start > LIMIT_NANOS) {
        fail("never happened: " + what);
      }
      Thread.sleep(100);
    }
  }
}
