package dev.offlinedebug.spi;

import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.internal.store.FileBackedStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A store's failures with the time of each repeat that dedup stored against their first dumps:
 * what the CLI's {@code serve} charts, each repeat at its own time. A directory or a bucket is
 * listed as {@link DumpStore#list()} lists it, keeping 8 bytes per stored repeat besides the line
 * per dump; another {@link DumpStore} gives no repeat times (its repeats count as only counted).
 *
 * @since 0.2
 */
public final class StoreTimeline {
  private StoreTimeline() {}

  /** Every intact dump of {@code store}, oldest first, with the times of its stored repeats; never null. */
  public static List<Failure> of(DumpStore store) throws IOException {
    if (store instanceof FileBackedStore files) {
      return files.timeline();
    }
    List<Failure> failures = new ArrayList<>();
    for (DumpSummary line : store.list()) {
      failures.add(new Failure(line, new long[0]));
    }
    return failures;
  }

  /**
   * {@code time} in epoch milliseconds; a time a long cannot hold (a crafted store's) as the
   * nearest one it can.
   */
  public static long epochMillis(Instant time) {
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException beyond) {
      return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** A first dump's listing line, with the times of the repeats stored against it. */
  public static final class Failure {
    private final DumpSummary line;
    private final long[] repeatMillis;

    /**
     * @param line as {@link DumpStore#list()} gives it, its repeats counted; never null
     * @param repeatMillis each stored repeat's time in epoch milliseconds, in no order; kept, not copied
     */
    public Failure(DumpSummary line, long[] repeatMillis) {
      this.line = line;
      this.repeatMillis = repeatMillis;
    }

    /** Never null. */
    public DumpSummary line() {
      return line;
    }

    /** When each stored repeat was logged, in epoch milliseconds, in no order. */
    public LongStream repeatTimes() {
      return Arrays.stream(repeatMillis);
    }

    /**
     * How many repeats were only counted, past {@code maxDumpBytes} or {@code maxDumpsPerSecond}:
     * they have no time of their own, and count when the failure was last seen ({@link
     * DumpSummary#lastSeen()}), as {@code stats --since} counts them.
     */
    public long countedOnly() {
      return Math.max(0, line.occurrences() - 1 - repeatMillis.length);
    }

    /** How many times the failure was logged at or after {@code since}: as {@code stats --since} counts. */
    public long occurrencesSince(Instant since) {
      long millis = epochMillis(since);
      long count = (line.time().isBefore(since) ? 0 : 1) + repeatTimes().filter(time -> time >= millis).count();
      long counted = line.lastSeen().isBefore(since) ? 0 : countedOnly();
      return count > Long.MAX_VALUE - counted ? Long.MAX_VALUE : count + counted; // crafted counts stop there
    }
  }
}
