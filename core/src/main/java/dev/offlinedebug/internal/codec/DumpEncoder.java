package dev.offlinedebug.internal.codec;

import static dev.offlinedebug.internal.codec.WireSchema.APPLICATION;
import static dev.offlinedebug.internal.codec.WireSchema.ATTRIBUTES;
import static dev.offlinedebug.internal.codec.WireSchema.CAUSE;
import static dev.offlinedebug.internal.codec.WireSchema.CHANGES;
import static dev.offlinedebug.internal.codec.WireSchema.DESCRIPTION;
import static dev.offlinedebug.internal.codec.WireSchema.FIELDS;
import static dev.offlinedebug.internal.codec.WireSchema.FIRST_ID;
import static dev.offlinedebug.internal.codec.WireSchema.FRAMES;
import static dev.offlinedebug.internal.codec.WireSchema.FRAME_LOCALS;
import static dev.offlinedebug.internal.codec.WireSchema.FRAME_MODULES;
import static dev.offlinedebug.internal.codec.WireSchema.HOST;
import static dev.offlinedebug.internal.codec.WireSchema.JVM;
import static dev.offlinedebug.internal.codec.WireSchema.LEVEL;
import static dev.offlinedebug.internal.codec.WireSchema.LOCALS_CAPTURED;
import static dev.offlinedebug.internal.codec.WireSchema.LOGGER;
import static dev.offlinedebug.internal.codec.WireSchema.MARKERS;
import static dev.offlinedebug.internal.codec.WireSchema.MDC;
import static dev.offlinedebug.internal.codec.WireSchema.MESSAGE;
import static dev.offlinedebug.internal.codec.WireSchema.NAMES;
import static dev.offlinedebug.internal.codec.WireSchema.NANOS;
import static dev.offlinedebug.internal.codec.WireSchema.PID;
import static dev.offlinedebug.internal.codec.WireSchema.SECONDS;
import static dev.offlinedebug.internal.codec.WireSchema.SHARED_COUNT;
import static dev.offlinedebug.internal.codec.WireSchema.SHARED_WITH;
import static dev.offlinedebug.internal.codec.WireSchema.SUPPRESSED;
import static dev.offlinedebug.internal.codec.WireSchema.THREAD_DAEMON;
import static dev.offlinedebug.internal.codec.WireSchema.THREAD_ID;
import static dev.offlinedebug.internal.codec.WireSchema.THREAD_NAME;
import static dev.offlinedebug.internal.codec.WireSchema.THREAD_PRIORITY;
import static dev.offlinedebug.internal.codec.WireSchema.THROWABLES;
import static dev.offlinedebug.internal.codec.WireSchema.TYPE;
import static dev.offlinedebug.internal.codec.WireSchema.VERSION;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes every field of a {@link Dump} but its ID. The body goes to a scratch output first,
 * collecting names into the string table and throwable links ({@link ValueWriter}); both are then
 * written ahead of it, since readers need them first. Throwables are a flat list (causes are
 * indexes), so a deep cause chain costs no stack. Reusable: one per thread, with its string table.
 */
final class DumpEncoder {
  private final StringTable names = new StringTable();
  private final ValueWriter values = new ValueWriter(names);

  /**
   * Writes the document fields of {@code dump} except its ID to {@code out}, using {@code scratch}
   * (empty, of the same kind as {@code out}) for everything after the string table.
   */
  void encode(Dump dump, WireOutput out, WireOutput scratch) {
    names.clear();
    values.clear();
    body(scratch, dump);
    out.field(VERSION);
    out.int32(DumpCodec.FORMAT_VERSION);
    table(out);
    values.writeLinks(out);
    out.append(scratch);
  }

  /**
   * Writes the fields of an occurrence record but its ID: the version, {@code firstId}, the string
   * table, the logging event of {@code occurrence} (as in a dump) and {@code changes}, the values
   * that differ from the first dump. Host, process and JVM are the first dump's, so not written.
   */
  void encodeOccurrence(String firstId, Dump occurrence, List<OccurrenceChange> changes, WireOutput out,
      WireOutput scratch) {
    names.clear();
    values.clear();
    event(scratch, occurrence, false);
    scratch.field(CHANGES);
    scratch.beginSequence();
    for (OccurrenceChange change : changes) {
      change(scratch, change);
    }
    scratch.endSequence();
    out.field(VERSION);
    out.int32(DumpCodec.FORMAT_VERSION);
    text(out, FIRST_ID, firstId);
    table(out);
    values.writeLinks(out);
    out.append(scratch);
  }

  private void change(WireOutput w, OccurrenceChange change) {
    if (change instanceof OccurrenceChange.Message m) {
      w.smallInt(OccurrenceChange.MESSAGE);
      w.smallInt(m.throwable());
      TextWriter.write(w, m.text());
    } else if (change instanceof OccurrenceChange.Description d) {
      w.smallInt(OccurrenceChange.DESCRIPTION);
      w.smallInt(d.throwable());
      TextWriter.write(w, d.text());
    } else if (change instanceof OccurrenceChange.Field f) {
      w.smallInt(OccurrenceChange.FIELD);
      w.smallInt(f.throwable());
      w.smallInt(names.indexOf(f.name()));
      values.write(w, f.value());
    } else if (change instanceof OccurrenceChange.Locals l) {
      w.smallInt(OccurrenceChange.LOCALS);
      w.smallInt(l.throwable());
      w.smallInt(l.frame());
      locals(w, l.locals());
    }
  }

  private void table(WireOutput out) {
    out.field(NAMES);
    out.beginSequence();
    for (int i = 1; i < names.size(); i++) {
      out.name(names.get(i));
    }
    out.endSequence();
  }

  private void body(WireOutput w, Dump dump) {
    event(w, dump, true);
    List<ThrowableInfo> throwables = dump.exception().throwables();
    int[] enclosing = enclosing(throwables);
    w.field(THROWABLES);
    w.beginSequence();
    for (int i = 0; i < throwables.size(); i++) {
      ThrowableInfo t = throwables.get(i);
      List<FrameInfo> outer = enclosing[i] < 0 ? List.of() : throwables.get(enclosing[i]).frames();
      w.beginMarshallable();
      throwable(w, t, enclosing[i], commonTail(t.frames(), outer));
      w.endMarshallable();
    }
    w.endSequence();
  }

  /**
   * The logging event's fields: time, thread, logger, level, message, MDC and the rest; with {@code
   * process}, also host, process ID, JVM and application, which an occurrence shares with its first.
   */
  private static void event(WireOutput w, Dump dump, boolean process) {
    w.field(SECONDS);
    w.int64(dump.time().getEpochSecond());
    w.field(NANOS);
    w.smallInt(dump.time().getNano());
    if (process) {
      name(w, HOST, dump.host());
      w.field(PID);
      w.int64(dump.pid());
      name(w, JVM, dump.jvm());
      name(w, APPLICATION, dump.application());
    }
    name(w, THREAD_NAME, dump.thread().name());
    w.field(THREAD_ID);
    w.int64(dump.thread().id());
    w.field(THREAD_DAEMON);
    w.bool(dump.thread().daemon());
    w.field(THREAD_PRIORITY);
    w.int32(dump.thread().priority());
    name(w, LOGGER, dump.logger());
    name(w, LEVEL, dump.level());
    text(w, MESSAGE, dump.message());
    pairs(w, MDC, dump.mdc());
    if (!dump.markers().isEmpty()) {
      w.field(MARKERS);
      w.beginSequence();
      for (String marker : dump.markers()) {
        TextWriter.write(w, marker);
      }
      w.endSequence();
    }
    pairs(w, ATTRIBUTES, dump.attributes());
    w.field(LOCALS_CAPTURED);
    w.bool(dump.localsCaptured());
  }

  /**
   * For each throwable, the earlier one it is printed under (whose cause or suppressed it is), or
   * {@code -1}. Its frames in common with that one are not repeated, as {@code printStackTrace}
   * prints {@code "... n more"} instead of them.
   */
  private static int[] enclosing(List<ThrowableInfo> throwables) {
    int[] enclosing = new int[throwables.size()];
    Arrays.fill(enclosing, -1);
    for (int j = 0; j < throwables.size(); j++) {
      ThrowableInfo t = throwables.get(j);
      if (t.cause() > j && enclosing[t.cause()] < 0) {
        enclosing[t.cause()] = j;
      }
      List<Integer> suppressed = t.suppressed();
      for (int i = 0; i < suppressed.size(); i++) {
        int s = suppressed.get(i);
        if (s > j && enclosing[s] < 0) {
          enclosing[s] = j;
        }
      }
    }
    return enclosing;
  }

  private static int commonTail(List<FrameInfo> frames, List<FrameInfo> outer) {
    int m = frames.size() - 1;
    int n = outer.size() - 1;
    while (m >= 0 && n >= 0 && frames.get(m).equals(outer.get(n))) {
      m--;
      n--;
    }
    return frames.size() - 1 - m;
  }

  private void throwable(WireOutput w, ThrowableInfo t, int enclosing, int shared) {
    w.field(TYPE);
    w.smallInt(names.indexOf(t.type()));
    text(w, MESSAGE, t.message());
    if (!isDefaultDescription(t)) {
      text(w, DESCRIPTION, t.description());
    }
    if (t.cause() != ThrowableInfo.NO_CAUSE) {
      w.field(CAUSE);
      w.smallInt(t.cause());
    }
    if (!t.suppressed().isEmpty()) {
      w.field(SUPPRESSED);
      w.beginSequence();
      for (int index : t.suppressed()) {
        w.smallInt(index);
      }
      w.endSequence();
    }
    if (!t.fields().isEmpty()) {
      w.field(FIELDS);
      w.beginSequence();
      for (Map.Entry<String, Value> field : t.fields().entrySet()) {
        w.smallInt(names.indexOf(field.getKey()));
        values.write(w, field.getValue());
      }
      w.endSequence();
    }
    frames(w, t.frames(), t.frames().size() - shared);
    if (shared > 0) {
      w.field(SHARED_WITH);
      w.smallInt(enclosing);
      w.field(SHARED_COUNT);
      w.smallInt(shared);
    }
  }

  /**
   * The first {@code count} frames as 4 ints each (class, method, file, line); module and class
   * loader names only for the frames that have them ({@code fm}), locals only for the frames that
   * captured them ({@code fv}).
   */
  private void frames(WireOutput w, List<FrameInfo> frames, int count) {
    boolean modules = false;
    boolean locals = false;
    w.field(FRAMES);
    w.beginSequence();
    for (int i = 0; i < count; i++) {
      FrameInfo f = frames.get(i);
      w.smallInt(names.indexOf(f.className()));
      w.smallInt(names.indexOf(f.methodName()));
      w.smallInt(names.indexOf(f.fileName()));
      w.smallInt(f.line());
      modules |= hasModule(f);
      locals |= f.localsCaptured();
    }
    w.endSequence();
    if (modules) {
      w.field(FRAME_MODULES);
      w.beginSequence();
      for (int i = 0; i < count; i++) {
        FrameInfo f = frames.get(i);
        if (hasModule(f)) {
          w.smallInt(i);
          w.smallInt(names.indexOf(f.moduleName()));
          w.smallInt(names.indexOf(f.moduleVersion()));
          w.smallInt(names.indexOf(f.classLoaderName()));
        }
      }
      w.endSequence();
    }
    if (locals) {
      w.field(FRAME_LOCALS);
      w.beginSequence();
      for (int i = 0; i < count; i++) {
        FrameInfo f = frames.get(i);
        if (f.localsCaptured()) {
          w.smallInt(i);
          locals(w, f.locals());
        }
      }
      w.endSequence();
    }
  }

  /**
   * The number of locals, then name index, type index and value of each. By index: an iterator per
   * frame was a twentieth of what a dump allocates.
   */
  private void locals(WireOutput w, List<LocalVariable> locals) {
    w.smallInt(locals.size());
    for (int i = 0; i < locals.size(); i++) {
      LocalVariable local = locals.get(i);
      w.smallInt(names.indexOf(local.name()));
      w.smallInt(names.indexOf(local.type()));
      values.write(w, local.value());
    }
  }

  private static boolean hasModule(FrameInfo f) {
    return f.moduleName() != null || f.moduleVersion() != null || f.classLoaderName() != null;
  }

  private static void text(WireOutput w, String field, String text) {
    if (text != null) {
      w.field(field);
      TextWriter.write(w, text);
    }
  }

  /** As {@link #text}, for a text that is mostly the same from dump to dump (host, logger, thread). */
  private static void name(WireOutput w, String field, String text) {
    if (text != null) {
      w.field(field);
      w.name(text);
    }
  }

  private static void pairs(WireOutput w, String field, Map<String, String> map) {
    if (!map.isEmpty()) {
      w.field(field);
      w.beginSequence();
      for (Map.Entry<String, String> entry : map.entrySet()) {
        TextWriter.write(w, entry.getKey());
        TextWriter.write(w, entry.getValue());
      }
      w.endSequence();
    }
  }

  /** Whether {@code t}'s description is what {@code Throwable.toString()} prints by default. */
  private static boolean isDefaultDescription(ThrowableInfo t) {
    String d = t.description();
    String type = t.type();
    String message = t.message();
    if (message == null) {
      return d.equals(type);
    }
    return d.length() == type.length() + 2 + message.length() && d.startsWith(type)
        && d.startsWith(": ", type.length()) && d.endsWith(message);
  }

  /** What {@code Throwable.toString()} prints unless the class overrides it. */
  static String defaultDescription(String type, String message) {
    return message == null ? type : type + ": " + message;
  }
}
