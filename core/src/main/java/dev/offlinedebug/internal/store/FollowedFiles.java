package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a follower ({@code tail}) has read each store file of a directory or a bucket. An ID names
 * its store file and offset, and records are only ever appended, so the dumps and stored repeats new
 * since the last look are those of new files and those past what a file held before: only files
 * that grew are read, and what is kept is two numbers per file, however many dumps the store holds
 * (and the few first dumps {@link RepeatLines} keeps decoded). Not thread-safe.
 */
final class FollowedFiles {
  /** What a store file adds to a listing, read now, keeping its stored repeats from an offset on. */
  interface Fold {
    SummaryFold of(String storeFileName, long keepRepeatsFrom) throws IOException;
  }

  private final RepeatLines repeatLines;
  /** Per store file name; null before the first look. */
  private Map<String, Followed> followed;

  FollowedFiles(RepeatLines repeatLines) {
    this.repeatLines = repeatLines;
  }

  /**
   * The dumps and stored repeats written since the previous call, oldest first: a dump as written
   * (its repeats are lines of their own), a repeat with its own ID, loaded ({@link RepeatLines}).
   * Repeats only counted, with no ID of their own, are not given. The first call only notes the
   * files and returns none.
   *
   * @param sizes each store file's name and size now, in the store's order; a file absent is forgotten
   */
  List<DumpSummary> newDumps(Map<String, Long> sizes, Fold fold) throws IOException {
    Map<String, Followed> now = new HashMap<>();
    if (followed == null) {
      // A record a file held only in part is counted as seen: it was logged before this call.
      sizes.forEach((name, size) -> now.put(name, new Followed(size, size)));
      followed = now;
      return List.of();
    }
    List<DumpSummary> added = new ArrayList<>();
    for (Map.Entry<String, Long> file : sizes.entrySet()) {
      Followed before = followed.getOrDefault(file.getKey(), Followed.NEW);
      Followed after = before;
      if (file.getValue() > before.size()) {
        long next = before.newFrom();
        SummaryFold read = fold.of(file.getKey(), before.newFrom());
        for (DumpSummary summary : read.dumpsAsWritten()) {
          DumpId id = DumpId.parse(summary.id());
          if (id != null && id.offset() >= before.newFrom()) {
            added.add(summary);
            next = Math.max(next, id.offset() + 1);
          }
        }
        for (SummaryFold.StoredRepeat repeat : read.storedRepeats()) {
          added.add(repeatLines.line(repeat));
          next = Math.max(next, repeat.offset() + 1);
        }
        // Past the last record read, not the file's end: a record read in part is read whole later.
        after = new Followed(file.getValue(), next);
      }
      now.put(file.getKey(), after);
    }
    followed = now;
    added.sort(Comparator.comparing(DumpSummary::time));
    return added;
  }

  /** A store file's size when last read, and the offset from which its records are new. */
  private record Followed(long size, long newFrom) {
    static final Followed NEW = new Followed(0, 0);
  }
}
