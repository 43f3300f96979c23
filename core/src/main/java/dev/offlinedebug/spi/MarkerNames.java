package dev.offlinedebug.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Flattens an event's markers and the markers they refer to (Log4j2 parents, SLF4J references) into
 * the names a dump records: depth first, each marker before those it refers to, each name once, so
 * that cycles end.
 *
 * @since 0.1
 */
public final class MarkerNames {
  private MarkerNames() {}

  /**
   * @param markers the event's markers, in order; may be null
   * @param name a marker's name
   * @param referred the markers a marker refers to; never null
   * @return never null
   */
  public static <M> List<String> of(
      Iterable<M> markers, Function<M, String> name, Function<M, Iterable<M>> referred) {
    List<String> names = new ArrayList<>();
    if (markers != null) {
      for (M marker : markers) {
        add(marker, name, referred, names);
      }
    }
    return names;
  }

  private static <M> void add(
      M marker, Function<M, String> name, Function<M, Iterable<M>> referred, List<String> names) {
    if (marker == null || names.contains(name.apply(marker))) {
      return;
    }
    names.add(name.apply(marker));
    for (M next : referred.apply(marker)) {
      add(next, name, referred, names);
    }
  }
}
