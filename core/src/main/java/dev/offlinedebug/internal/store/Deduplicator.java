package dev.offlinedebug.internal.store;

import dev.offlinedebug.internal.codec.OccurrenceBaseline;
import dev.offlinedebug.internal.codec.Occurrences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the dump written for each recent fingerprint, with what a repeat needs to be stored as
 * its differences from it (the dump's {@link OccurrenceBaseline} and the bytes its repeats may still
 * take), and counts the repeats that are not stored. Bounded: at most {@link #MAX_FINGERPRINTS} are
 * remembered, the least recently used forgotten first (their pending counts are kept for the next
 * flush). Counts are handed out for persisting at most once per {@link #FLUSH_NANOS} per
 * fingerprint, so a storm writes a handful of small records.
 */
public final class Deduplicator {
  static final int MAX_FINGERPRINTS = 1024;
  public static final long FLUSH_NANOS = 1_000_000_000L;

  private final long windowNanos;
  private final long occurrenceBytes;
  private final RateLimit occurrenceRate;
  private final List<Occurrences> evicted = new ArrayList<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deduplicator.Entry> eldest) {
      if (size() <= MAX_FINGERPRINTS) {
        return false;
      }
      keepPending(eldest.getValue());
      return true;
    }
  };

  /**
   * @param occurrenceBytes bytes of occurrence records each first dump's repeats may take
   * @param occurrencesPerSecond occurrence records written per second at most, over all fingerprints
   */
  public Deduplicator(long windowNanos, long occurrenceBytes, int occurrencesPerSecond) {
    this.windowNanos = windowNanos;
    this.occurrenceBytes = occurrenceBytes;
    this.occurrenceRate = new RateLimit(occurrencesPerSecond);
  }

  /**
   * What to do with a repeat of {@code fingerprint}: {@code null} when no dump of it was written
   * inside the window. Otherwise the repeat is either counted already ({@link Repeat#store()} false),
   * or may be stored as an occurrence: the caller then stores it or {@linkplain #count counts} it.
   */
  public synchronized Repeat repeat(String fingerprint, long now) {
    Entry entry = entries.get(fingerprint);
    if (entry == null || now - entry.writtenNanos >= windowNanos) {
      return null;
    }
    if (entry.baseline != null && entry.bytesLeft > 0 && occurrenceRate.tryAcquire(now)) {
      return new Repeat(entry, true);
    }
    entry.pending++;
    return new Repeat(entry, false);
  }

  /** Counts a repeat that {@link #repeat} offered for storing but that was not stored. */
  public synchronized void count(Entry entry) {
    entry.pending++;
    if (entries.get(entry.fingerprint) != entry) {
      keepPending(entry);
    }
  }

  /**
   * Takes {@code bytes} of the entry's occurrence budget, or, when fewer are left, spends the rest:
   * its later repeats are only counted.
   *
   * @return whether the bytes were there
   */
  public synchronized boolean spend(Entry entry, int bytes) {
    if (bytes > entry.bytesLeft) {
      entry.bytesLeft = 0;
      return false;
    }
    entry.bytesLeft -= bytes;
    return true;
  }

  /**
   * Notes that dump {@code id} was written for {@code fingerprint}, starting its window.
   *
   * @param baseline the dump's baseline; {@code null} when its repeats are only counted
   */
  public synchronized void written(String fingerprint, DumpId id, OccurrenceBaseline baseline, long now) {
    Entry previous = entries.put(fingerprint, new Entry(fingerprint, id, baseline, occurrenceBytes, now));
    if (previous != null) {
      keepPending(previous);
    }
  }

  private void keepPending(Entry entry) {
    if (entry.pending > 0) {
      evicted.add(new Occurrences(entry.text, entry.pending));
      entry.pending = 0;
    }
  }

  /** Takes the counts due for persisting: those not flushed for a second, or all of them. */
  public synchronized List<Occurrences> takeDue(long now, boolean all) {
    List<Occurrences> due = new ArrayList<>(evicted);
    evicted.clear();
    for (Entry entry : entries.values()) {
      if (entry.pending > 0 && (all || now - entry.flushedNanos >= FLUSH_NANOS)) {
        due.add(new Occurrences(entry.text, entry.pending));
        entry.pending = 0;
        entry.flushedNanos = now;
      }
    }
    return due;
  }

  /** Puts counts back that could not be persisted, so they are retried; bounded like the rest. */
  public synchronized void putBack(Occurrences occurrences) {
    if (evicted.size() < MAX_FINGERPRINTS) {
      evicted.add(occurrences);
    }
  }

  /**
   * A repeat inside the window.
   *
   * @param first the entry of the failure's first dump
   * @param store whether it may be stored as an occurrence; otherwise it was counted
   */
  public record Repeat(Entry first, boolean store) {}

  /** The first dump of a fingerprint in its window. Mutable state is guarded by the deduplicator. */
  public static final class Entry {
    final String fingerprint;
    public final DumpId id;
    public final String text;
    public final OccurrenceBaseline baseline;
    final long writtenNanos;
    long flushedNanos;
    long pending;
    long bytesLeft;

    Entry(String fingerprint, DumpId id, OccurrenceBaseline baseline, long bytes, long now) {
      this.fingerprint = fingerprint;
      this.id = id;
      this.text = id.text();
      this.baseline = baseline;
      this.bytesLeft = bytes;
      this.writtenNanos = now;
      this.flushedNanos = now;
    }
  }
}
