package dev.offlinedebug.store;

import dev.offlinedebug.codec.Occurrences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the dump written for each recent fingerprint and counts the repeats folded onto it.
 * Bounded: at most {@link #MAX_FINGERPRINTS} are remembered, the least recently used forgotten
 * first (their pending counts are kept for the next flush). Counts are handed out for persisting at
 * most once per {@link #FLUSH_NANOS} per fingerprint, so a storm writes a handful of small records.
 */
final class Deduplicator {
  static final int MAX_FINGERPRINTS = 1024;
  static final long FLUSH_NANOS = 1_000_000_000L;

  private final long windowNanos;
  private final List<Occurrences> evicted = new ArrayList<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deduplicator.Entry> eldest) {
      if (size() <= MAX_FINGERPRINTS) {
        return false;
      }
      if (eldest.getValue().pending > 0) {
        evicted.add(new Occurrences(eldest.getValue().id, eldest.getValue().pending));
      }
      return true;
    }
  };

  Deduplicator(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** The ID of the dump for {@code fingerprint} written inside the window, counting this repeat. */
  synchronized String repeat(String fingerprint, long now) {
    Entry entry = entries.get(fingerprint);
    if (entry == null || now - entry.writtenNanos >= windowNanos) {
      return null;
    }
    entry.pending++;
    return entry.id;
  }

  /** Notes that dump {@code id} was written for {@code fingerprint}, starting its window. */
  synchronized void written(String fingerprint, String id, long now) {
    Entry previous = entries.put(fingerprint, new Entry(id, now));
    if (previous != null && previous.pending > 0) {
      evicted.add(new Occurrences(previous.id, previous.pending));
    }
  }

  /** Takes the counts due for persisting: those not flushed for a second, or all of them. */
  synchronized List<Occurrences> takeDue(long now, boolean all) {
    List<Occurrences> due = new ArrayList<>(evicted);
    evicted.clear();
    for (Entry entry : entries.values()) {
      if (entry.pending > 0 && (all || now - entry.flushedNanos >= FLUSH_NANOS)) {
        due.add(new Occurrences(entry.id, entry.pending));
        entry.pending = 0;
        entry.flushedNanos = now;
      }
    }
    return due;
  }

  /** Puts counts back that could not be persisted, so they are retried; bounded like the rest. */
  synchronized void putBack(Occurrences occurrences) {
    if (evicted.size() < MAX_FINGERPRINTS) {
      evicted.add(occurrences);
    }
  }

  private static final class Entry {
    final String id;
    final long writtenNanos;
    long flushedNanos;
    long pending;

    Entry(String id, long now) {
      this.id = id;
      this.writtenNanos = now;
      this.flushedNanos = now;
    }
  }
}
