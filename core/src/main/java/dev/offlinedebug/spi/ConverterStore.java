package dev.offlinedebug.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a {@code %dumpId} converter gets the IDs of events that no appender forwarded, by one rule
 * for every framework: the appender its option names ({@code %dumpId{Dumps}}); for a bare {@code
 * %dumpId}, the configuration's appender that comes first by name; with no such appender, the store
 * in the directory the option names (default {@value DumpOptions#DEFAULT_DIRECTORY}), opened with
 * the default options. The frameworks differ only in how they list their appenders.
 *
 * <p>Thread-safe; never throws.
 *
 * @since 0.1
 */
public final class ConverterStore {
  private final String option;
  private final StatusListener status;
  /** The directory sink; null until first needed, and after the directory proved unusable. */
  private volatile DumpSink sink;
  /** Set once the directory proved unusable, so that it is reported once, not per event. */
  private volatile boolean unusable;

  /**
   * @param option the converter's first option, or {@code null} (blank counts as absent)
   * @param status where an unusable directory is reported, once
   */
  public ConverterStore(String option, StatusListener status) {
    this.option = option == null || option.isBlank() ? null : option.trim();
    this.status = status;
  }

  /**
   * The appender among {@code appenders} this converter uses: the last one named as the option (the
   * most recent, where a framework keeps a replaced one until it stops), or, for a bare {@code
   * %dumpId}, the first by name; {@code null} when none fits, and then {@link #directorySink()}.
   */
  public <A> A chooseAppender(Iterable<A> appenders, Function<A, String> nameOf) {
    A chosen = null;
    for (A candidate : appenders) {
      String name = nameOf.apply(candidate);
      boolean fits = option != null
          ? option.equals(name)
          : chosen == null || name.compareTo(nameOf.apply(chosen)) <= 0;
      if (fits) {
        chosen = candidate;
      }
    }
    return chosen;
  }

  /**
   * The sink of the directory the option names, when no appender fits: that of the most recently
   * started appender writing there, else one of its own. A sink whose appender stopped is replaced
   * by its successor's, or by one of its own.
   *
   * @return {@code null} when the directory cannot be used (reported once)
   */
  public DumpSink directorySink() {
    DumpSink current = sink;
    if (current != null && current.isOpen()) {
      return current;
    }
    return unusable ? null : openDirectorySink();
  }

  private synchronized DumpSink openDirectorySink() {
    DumpSink current = sink;
    if (unusable || (current != null && current.isOpen())) {
      return current;
    }
    try {
      current = DumpSink.forDirectory(Path.of(option != null ? option : DumpOptions.DEFAULT_DIRECTORY), status);
    } catch (InvalidPathException e) {
      status.report("'" + option + "' names no appender of ours and is not a valid directory: " + e.getReason(), null);
      current = null;
    }
    sink = current;
    unusable = current == null;
    return current;
  }
}
