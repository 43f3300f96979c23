package dev.offlinedebug.internal.capture;

import dev.offlinedebug.locals.SharedThrowables;
import dev.offlinedebug.model.StringValue;
import dev.offlinedebug.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Says in the dump why a throwable has neither frames nor locals when it is one of HotSpot's
 * shared implicit exceptions: an extra field {@value #FIELD} of the throwable, which {@code show}
 * prints under its header and the JSON export carries in {@code fields}. The JDK types concerned
 * have no public field of that name, so it cannot hide one of theirs.
 */
final class FastThrowNote {
  static final String FIELD = "fastThrow";
  static final String TEXT = "HotSpot threw its shared pre-allocated instance"
      + " (-XX:+OmitStackTraceInFastThrow): no stack trace, no locals;"
      + " run with -XX:-OmitStackTraceInFastThrow to keep them";

  private FastThrowNote() {}

  /** {@code fields}, plus the note when {@code thrown} is a shared implicit exception. */
  static Map<String, Value> addTo(Throwable thrown, Map<String, Value> fields) {
    if (!SharedThrowables.isShared(thrown)) {
      return fields;
    }
    Map<String, Value> noted = new LinkedHashMap<>(fields);
    noted.put(FIELD, StringValue.of(TEXT));
    return noted;
  }
}
