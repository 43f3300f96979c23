package dev.offlinedebug.log4j2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads dump IDs out of log files the test configurations write. */
final class LogLines {
  /** Pattern layouts write {@code LINE id=<dumpId> ...}; JSON layouts {@code "dumpId":"<id>"}. */
  private static final Pattern ID = Pattern.compile("^LINE id=(\\S*) |\"dumpId\":\"([^\"]*)\"", Pattern.MULTILINE);

  private LogLines() {}

  /** The dump ID of every log line in {@code file}, in order; empty strings for lines without one. */
  static List<String> ids(Path file) throws IOException {
    Matcher m = ID.matcher(Files.readString(file));
    return m.results().map(r -> r.group(1) != null ? r.group(1) : r.group(2)).toList();
  }

  /** The dump ID of the one line {@code logger} wrote to a pattern-layout {@code file}; other loggers' lines are ignored. */
  static String idLoggedBy(Path file, String logger) throws IOException {
    Matcher m = Pattern.compile("^LINE id=(\\S*) \\S+ " + Pattern.quote(logger) + " ", Pattern.MULTILINE)
        .matcher(Files.readString(file));
    List<String> ids = m.results().map(r -> r.group(1)).toList();
    if (ids.size() != 1 || ids.get(0).isEmpty()) {
      throw new AssertionError("expected one line with a dump ID from " + logger + " in " + file + ", got " + ids
          + " in:\n" + Files.readString(file));
    }
    return ids.get(0);
  }

  /** The single dump ID in {@code file}; fails unless there is exactly one line and it has an ID. */
  static String onlyId(Path file) throws IOException {
    List<String> ids = ids(file);
    if (ids.size() != 1 || ids.get(0).isEmpty()) {
      throw new AssertionError("expected one log line with a dump ID in " + file + ", got " + ids
          + " in:\n" + Files.readString(file));
    }
    return ids.get(0);
  }
}
