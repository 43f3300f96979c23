package dev.offlinedebug.internal.store;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpExpiredException;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.DumpNotFoundException;
import dev.offlinedebug.internal.codec.DecodedRecord;
import dev.offlinedebug.internal.codec.Occurrence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads an occurrence's ID as its full dump, for the local store and its copy in object storage
 * alike: the occurrence record, then its first dump; two positioned reads, never more, as a first
 * dump is a dump record and never another occurrence (so a crafted chain or cycle of references
 * ends at the second read). Once the record at the ID's position is sealed with the ID, the ID is
 * real: a first dump that is not where the ID says is a damaged or crafted store, reported at the
 * occurrence record.
 */
final class OccurrenceLoad {
  /** Reads the record at a position of a store, for loading an ID. */
  @FunctionalInterface
  interface Records {
    DecodedRecord read(DumpId at, String id) throws IOException;
  }

  private OccurrenceLoad() {}

  /**
   * @param file names the store file (or object) of a position, in messages
   * @param notFound the store's own "no such dump" for an ID
   */
  static Dump load(OccurrenceId parsed, String id, Records records, Function<DumpId, Path> file,
      Function<String, DumpNotFoundException> notFound) throws IOException {
    Occurrence occurrence = records.read(parsed.at(), id).occurrence();
    if (occurrence == null || !occurrence.id().equals(id)) {
      throw notFound.apply(id);
    }
    String firstId = parsed.first().text();
    if (!occurrence.firstId().equals(firstId)) {
      throw damaged(parsed, file, "occurrence " + id + " names another first dump than its ID", null);
    }
    Dump first;
    try {
      first = records.read(parsed.first(), id).dump();
    } catch (DumpExpiredException e) {
      throw e;
    } catch (DumpNotFoundException | DumpFormatException e) {
      throw damaged(parsed, file, "its first dump " + firstId + " does not load: " + e.getMessage(), e);
    }
    if (first == null || !first.id().equals(firstId)) {
      throw damaged(parsed, file, "the record at offset " + parsed.first().offset() + " of "
          + parsed.first().file() + StoreLayout.SUFFIX + " is not its first dump " + firstId, null);
    }
    try {
      return occurrence.applyTo(first);
    } catch (IllegalArgumentException e) {
      throw damaged(parsed, file, e.getMessage(), e);
    }
  }

  private static DumpFormatException damaged(OccurrenceId parsed, Function<DumpId, Path> file, String problem,
      Exception cause) {
    return new DumpFormatException(file.apply(parsed.at()), parsed.at().offset(), problem, cause);
  }
}
