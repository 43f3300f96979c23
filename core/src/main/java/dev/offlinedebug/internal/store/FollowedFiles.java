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
 * its store file and offset, and records are only ever appended, so the dumps new since the last
 * look are those of new files and those past what a file held before: only files that grew are read,
 * and what is kept is two numbers per file, however many dumps the store holds. Not thread-safe.
 */
final class FollowedFiles {
  /** What a store file adds to a listing, read now. */
  interface Fold {
    SummaryFold of(String storeFileName) throws IOException;
  }

  /** Per store file name; null before the first look. */
  private Map<String, Followed> followed;

  /**
   * The dumps stored since the previous call, oldest first; the first call only notes the files and
   * returns none.
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
        for (DumpSummary summary : fold.of(file.getKey()).summaries()) {
          DumpId id = DumpId.parse(summary.id());
          if (id != null && id.offset() >= before.newFrom()) {
            added.add(summary);
            next = Math.max(next, id.offset() + 1);
          }
        }
        // Past the last dump read, not the file's end: a record read in part is read whole later.
        after = new Followed(file.getValue(), next);
      }
      now.put(file.getKey(), after);
    }
    followed = now;
    added.sort(Comparator.comparing(DumpSummary::time));
    return added;
  }

  /** A store file's size when last read, and the offset from which its dumps are new. */
  private record Followed(long size, long newFrom) {
    static final Followed NEW = new Followed(0, 0);
  }
}
