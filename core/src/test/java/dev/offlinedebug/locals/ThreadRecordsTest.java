package dev.offlinedebug.locals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One activation that catches a throwable records it several times (as it arrives, again when a
 * {@code finally} or {@code catch} rethrows it): one frame. Another activation of the same method
 * (recursion) is another frame.
 */
class ThreadRecordsTest {
  private static final ThrowableRateLimit UNLIMITED = new ThrowableRateLimit(1_000_000);

  private final ThreadRecords ring = registered(new ThreadRecords());
  private final Throwable thrown = new IllegalStateException("x");

  @Test
  void add_caughtThenRethrownBySameMethod_oneFrameWithLocalsAdded() {
    ring.add(thrown, frame("m", "inTry", 1), true, 64, UNLIMITED);
    ring.add(thrown, frame("m", "inTry", 9, "inCatch", 2), false, 64, UNLIMITED);
    ring.add(thrown, frame("caller", "n", 3), false, 64, UNLIMITED);

    List<RecordedFrame> frames = ring.remove(thrown);

    assertEquals(List.of("m[inTry=1, inCatch=2]", "caller[n=3]"), describe(frames));
  }

  @Test
  void add_afterLeftOrRecord_sameMethodIsAnotherActivation() {
    ring.add(thrown, frame("m", "n", 0), true, 64, UNLIMITED);
    ring.leave(thrown, "fixture.C", "m");
    ring.add(thrown, frame("m", "n", 1), true, 64, UNLIMITED);
    ring.add(thrown, frame("m", "n", 1), false, 64, UNLIMITED);
    ring.add(thrown, frame("m", "n", 2), false, 64, UNLIMITED);

    assertEquals(List.of("m[n=0]", "m[n=1]", "m[n=2]"), describe(ring.remove(thrown)));
  }

  @Test
  void others_listsOtherThrowablesWithoutTakingThem() {
    Throwable wrapper = new RuntimeException(thrown);
    ring.add(thrown, frame("inner", "a", 1), false, 64, UNLIMITED);
    ring.add(wrapper, frame("outer", "b", 2), false, 64, UNLIMITED);

    assertEquals(List.of(wrapper), ring.others(thrown));
    assertEquals(List.of("outer[b=2]"), describe(ring.peek(wrapper)));
    assertEquals(List.of("outer[b=2]"), describe(ring.remove(wrapper)));
  }

  /** A frame of {@code fixture.C.method} with name/value pairs. */
  private static RecordedFrame frame(String method, Object... namesAndValues) {
    int count = namesAndValues.length / 2;
    String[] names = new String[count];
    String[] types = new String[count];
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      names[i] = (String) namesAndValues[2 * i];
      types[i] = "int";
      values[i] = namesAndValues[2 * i + 1];
    }
    return new RecordedFrame("fixture.C", method, -1, names, types, values);
  }

  private static List<String> describe(List<RecordedFrame> frames) {
    return frames.stream().map(frame -> {
      StringBuilder text = new StringBuilder(frame.methodName()).append('[');
      for (int i = 0; i < frame.names().length; i++) {
        text.append(i == 0 ? "" : ", ").append(frame.names()[i]).append('=')
            .append(frame.values()[i]);
      }
      return text.append(']').toString();
    }).toList();
  }

  private static ThreadRecords registered(ThreadRecords ring) {
    new ThreadRecordsRegistry().register(ring);
    return ring;
  }
}
