package dev.offlinedebug.internal.capture;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/** Application-like classes the value capture meets; each counts calls of its methods. */
final class CaptureSubjects {
  private CaptureSubjects() {}

  /** Calls of any method of the classes below since the last {@link #reset()}. */
  static final AtomicInteger CALLS = new AtomicInteger();

  static void reset() {
    CALLS.set(0);
  }

  enum Color {
    RED,
    GREEN {
      @Override
      public String toString() {
        CALLS.incrementAndGet();
        return "green";
      }
    }
  }

  record Point(int x, int y) {}

  static final class Node {
    final String name;
    Node next;

    Node(String name) {
      this.name = name;
    }
  }

  static class Account {
    private final String owner = "Ada";
    private final String password = "hunter2";
    private final String apiKey = "k-123";
    private final int userPin = 1234;
    private final boolean spinner = true;
    private final String shipping = "express";
  }

  /** Every method a careless capture might call throws and counts. */
  static final class Booby {
    private final int value = 7;

    @Override
    public String toString() {
      CALLS.incrementAndGet();
      throw new IllegalStateException("toString called");
    }

    @Override
    public int hashCode() {
      CALLS.incrementAndGet();
      throw new IllegalStateException("hashCode called");
    }

    @Override
    public boolean equals(Object other) {
      CALLS.incrementAndGet();
      throw new IllegalStateException("equals called");
    }

    public int getValue() {
      CALLS.incrementAndGet();
      throw new IllegalStateException("getter called");
    }
  }

  /** A user collection: iterating it would run application code. */
  static final class CountingList extends ArrayList<String> {
    private final String label = "counting";

    CountingList(String... elements) {
      super(java.util.List.of(elements));
    }

    @Override
    public Iterator<String> iterator() {
      CALLS.incrementAndGet();
      return super.iterator();
    }

    @Override
    public int size() {
      CALLS.incrementAndGet();
      return super.size();
    }

    @Override
    public String get(int index) {
      CALLS.incrementAndGet();
      return super.get(index);
    }

    @Override
    public Object[] toArray() {
      CALLS.incrementAndGet();
      return super.toArray();
    }
  }

  /** An exception with application state, one field of which is sensitive. */
  static final class ChargeFailure extends RuntimeException {
    private final long orderId;
    private final String secretToken;

    ChargeFailure(String message, long orderId, String secretToken) {
      super(message);
      this.orderId = orderId;
      this.secretToken = secretToken;
    }
  }
}
