package dev.offlinedebug.internal.store;

import dev.offlinedebug.DumpNotFoundException;

/**
 * The text asked for is no dump or occurrence ID at all, so no store holds it. A not-found like
 * any other (exit code 3 for the command), whose message says so instead of naming the store, and
 * names the ID inside the text when there is one: IDs are copied from log lines, where a bracket
 * or a comma follows them.
 */
final class NotAnIdException extends DumpNotFoundException {
  private static final long serialVersionUID = 1L;
  /** Text quoted in the message at most: an argument can be anything, a whole file's text. */
  private static final int QUOTED = 100;

  NotAnIdException(String text) {
    super(String.valueOf(text), message(String.valueOf(text)));
  }

  private static String message(String text) {
    String inside = OccurrenceId.findIn(text);
    String quoted = text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
    return "'" + quoted + "' is not a dump ID; "
        + (inside != null ? "did you mean " + inside + "?" : "a dump ID looks like od-0mx4e2gpl-6yfu9f-0, as in the log line");
  }
}
