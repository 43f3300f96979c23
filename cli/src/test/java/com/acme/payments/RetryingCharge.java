package com.acme.payments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment retried three times, then given up, then wrapped by its caller: frames whose locals
 * hold the throwables the logged one is made of (its cause, a suppressed one, the logged one
 * itself) and earlier failures that are not part of it. The agent attached to the integration
 * tests records these locals.
 */
public final class RetryingCharge {
  private RetryingCharge() {}

  /** Thrown when every attempt failed; its cause is the last attempt's failure. */
  public static final class ChargeFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    ChargeFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The throwable the caller logs: {@code order ORD-7 not paid}. */
  public static IllegalStateException failure() {
    try {
      process("ORD-7");
      return null;
    } catch (IllegalStateException e) {
      return e;
    }
  }

  static void process(String order) {
    try {
      chargeWithRetries(order);
    } catch (ChargeFailedException e) {
      IllegalStateException wrapped = new IllegalStateException("order " + order + " not paid", e);
      throw wrapped;
    }
  }

  static String chargeWithRetries(String order) throws ChargeFailedException {
    Exception last = null;
    List<IOException> attempts = new ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        return charge(order, attempt);
      } catch (IOException e) {
        attempts.add(e);
        last = e;
      }
    }
    IOException rollback = new IOException("rollback failed");
    ChargeFailedException failed = new ChargeFailedException("gave up after 3 attempts", last);
    failed.addSuppressed(rollback);
    throw failed;
  }

  static String charge(String order, int attempt) throws IOException {
    throw new IOException("connection reset on attempt " + attempt);
  }
}
