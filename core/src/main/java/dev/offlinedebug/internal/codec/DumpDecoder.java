package dev.offlinedebug.internal.codec;

import static dev.offlinedebug.internal.codec.WireSchema.APPLICATION;
import static dev.offlinedebug.internal.codec.WireSchema.ATTRIBUTES;
import static dev.offlinedebug.internal.codec.WireSchema.CAUSE;
import static dev.offlinedebug.internal.codec.WireSchema.CHANGES;
import static dev.offlinedebug.internal.codec.WireSchema.COUNT;
import static dev.offlinedebug.internal.codec.WireSchema.COUNTED_ID;
import static dev.offlinedebug.internal.codec.WireSchema.DESCRIPTION;
import static dev.offlinedebug.internal.codec.WireSchema.FIELDS;
import static dev.offlinedebug.internal.codec.WireSchema.FIRST_ID;
import static dev.offlinedebug.internal.codec.WireSchema.FRAMES;
import static dev.offlinedebug.internal.codec.WireSchema.FRAME_LOCALS;
import static dev.offlinedebug.internal.codec.WireSchema.FRAME_MODULES;
import static dev.offlinedebug.internal.codec.WireSchema.HOST;
import static dev.offlinedebug.internal.codec.WireSchema.ID;
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
import static dev.offlinedebug.internal.codec.WireSchema.THROWABLE_LINKS;
import static dev.offlinedebug.internal.codec.WireSchema.TYPE;
import static dev.offlinedebug.internal.codec.WireSchema.VERSION;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.WireIn;

/**
 * Reads one record document written by {@link DumpEncoder} (plus its ID): a dump, an occurrence, or
 * an occurrence counter.
 * Fields may come in any order except that the string table precedes its users; unknown fields are
 * skipped. Throws unchecked exceptions on malformed input; {@link DumpCodec} turns them into {@code
 * DumpFormatException}s. What the record decodes to is charged to a {@link DecodeBudget}, so memory
 * and time stay proportional to the record's bytes.
 */
public final class DumpDecoder {
  private final List<String> names = new ArrayList<>();
  private final DecodeBudget budget;
  private final ValueReader values;

  private int version;
  private String id;
  private long seconds;
  private int nanos;
  private String host = "";
  private long pid;
  private String jvm = "";
  private String application;
  private String threadName = "";
  private long threadId;
  private boolean threadDaemon;
  private int threadPriority;
  private String logger;
  private String level;
  private String message;
  private final Map<String, String> mdc = new LinkedHashMap<>();
  private final List<String> markers = new ArrayList<>();
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private boolean localsCaptured;
  private final List<ThrowableInfo> throwables = new ArrayList<>();
  private String countedId;
  private long count;
  private String firstId;
  private final List<OccurrenceChange> changes = new ArrayList<>();

  public DumpDecoder() {
    this(DecodeBudget.ofHeap());
  }

  DumpDecoder(DecodeBudget budget) {
    this.budget = budget;
    this.values = new ValueReader(names, budget);
  }

  public DecodedRecord decode(WireIn wire) {
    // The payload is held twice while it is decoded: as read, and in Chronicle's buffer.
    budget.charge(2 * wire.bytes().readRemaining());
    names.add(null);
    WireFields.read(wire, this::field);
    if (version < 1) {
      throw new IllegalStateException("no format version");
    }
    if (countedId != null) {
      if (count < 1) {
        throw new IllegalStateException("occurrence count " + count);
      }
      return new DecodedRecord(null, new Occurrences(countedId, count));
    }
    if (id == null) {
      throw new IllegalStateException("no dump ID");
    }
    if (firstId != null) {
      // The event's exception is not used: an occurrence's throwables are its first dump's, changed.
      throwables.add(new ThrowableInfo("", null, "", List.of(), ThrowableInfo.NO_CAUSE, List.of(), Map.of()));
      return new DecodedRecord(null, null, new Occurrence(id, firstId, dump(), changes));
    }
    return new DecodedRecord(dump(), null);
  }

  private Dump dump() {
    return new Dump(id, Instant.ofEpochSecond(seconds, nanos), host, pid, jvm, application,
        new ThreadInfo(threadName, threadId, threadDaemon, threadPriority), logger, level, message,
        mdc, markers, attributes, localsCaptured, new ThrowableGraph(throwables));
  }

  private boolean field(String name, ValueIn in) {
    switch (name) {
      case VERSION -> version = in.int32();
      case ID -> id = text(in);
      case NAMES -> in.sequence(names, (table, seq) -> WireFields.items(seq, item -> {
        table.add(text(item));
        budget.charge(DecodeBudget.REFERENCE);
      }));
      case SECONDS -> seconds = in.int64();
      case NANOS -> nanos = in.int32();
      case HOST -> host = text(in);
      case PID -> pid = in.int64();
      case JVM -> jvm = text(in);
      case APPLICATION -> application = text(in);
      case THREAD_NAME -> threadName = text(in);
      case THREAD_ID -> threadId = in.int64();
      case THREAD_DAEMON -> threadDaemon = in.bool();
      case THREAD_PRIORITY -> threadPriority = in.int32();
      case LOGGER -> logger = text(in);
      case LEVEL -> level = text(in);
      case MESSAGE -> message = text(in);
      case MDC -> pairs(in, mdc);
      case MARKERS -> in.sequence(markers, (list, seq) -> WireFields.items(seq, item -> list.add(text(item))));
      case ATTRIBUTES -> pairs(in, attributes);
      case LOCALS_CAPTURED -> localsCaptured = in.bool();
      case THROWABLE_LINKS -> values.links(in);
      case THROWABLES -> in.sequence(throwables, (list, seq) -> WireFields.items(seq, item -> list.add(throwable(item))));
      case COUNTED_ID -> countedId = text(in);
      case COUNT -> count = in.int64();
      case FIRST_ID -> firstId = text(in);
      case CHANGES -> in.sequence(changes, (list, seq) -> WireFields.items(seq, item -> list.add(change(item))));
      default -> {
        return false;
      }
    }
    return true;
  }

  /** One item of {@link WireSchema#CHANGES}: kind and throwable index, then what that kind changes. */
  private OccurrenceChange change(ValueIn in) {
    int kind = in.int32();
    int throwable = ValueReader.next(in).int32();
    budget.charge(DecodeBudget.OBJECT);
    return switch (kind) {
      case OccurrenceChange.MESSAGE -> new OccurrenceChange.Message(throwable, text(ValueReader.next(in)));
      case OccurrenceChange.DESCRIPTION -> new OccurrenceChange.Description(throwable, text(ValueReader.next(in)));
      case OccurrenceChange.FIELD -> new OccurrenceChange.Field(throwable, name(ValueReader.next(in)), values.read(in));
      case OccurrenceChange.LOCALS -> new OccurrenceChange.Locals(throwable, ValueReader.next(in).int32(), locals(in));
      default -> throw new IllegalStateException("unknown occurrence change kind " + kind);
    };
  }

  private ThrowableInfo throwable(ValueIn in) {
    ThrowableFields t = new ThrowableFields();
    in.marshallable(w -> WireFields.read(w, (name, v) -> {
      switch (name) {
        case TYPE -> t.type = name(v);
        case MESSAGE -> t.message = text(v);
        case DESCRIPTION -> t.description = text(v);
        case CAUSE -> t.cause = v.int32();
        case SUPPRESSED -> v.sequence(t.suppressed, (list, seq) -> WireFields.items(seq, item -> {
          budget.charge(DecodeBudget.OBJECT);
          list.add(item.int32());
        }));
        case FIELDS -> v.sequence(t.fields, (map, seq) -> WireFields.items(seq, item -> {
          String fieldName = name(item);
          budget.charge(DecodeBudget.OBJECT);
          map.put(fieldName, values.read(item));
        }));
        case FRAMES -> v.sequence(t.frames, (list, seq) -> WireFields.items(seq, item -> {
          String className = name(item);
          String methodName = name(ValueReader.next(item));
          String fileName = name(ValueReader.next(item));
          int line = ValueReader.next(item).int32();
          budget.frames(1, 1);
          list.add(new FrameInfo(className, methodName, fileName, line, null, null, null, false, List.of()));
        }));
        case FRAME_MODULES -> v.sequence(t.frames, (list, seq) -> WireFields.items(seq, item -> {
          int index = frameIndex(list, item.int32());
          FrameInfo f = list.get(index);
          String module = name(ValueReader.next(item));
          String version = name(ValueReader.next(item));
          String loader = name(ValueReader.next(item));
          budget.charge(DecodeBudget.OBJECT);
          list.set(index, new FrameInfo(f.className(), f.methodName(), f.fileName(), f.line(), module,
              version, loader, f.localsCaptured(), f.locals()));
        }));
        case FRAME_LOCALS -> v.sequence(t.frames, (list, seq) -> WireFields.items(seq, item -> {
          int index = frameIndex(list, item.int32());
          List<LocalVariable> locals = locals(item);
          list.set(index, list.get(index).withLocals(locals));
        }));
        case SHARED_WITH -> t.enclosing = v.int32();
        case SHARED_COUNT -> t.shared = v.int32();
        default -> {
          return false;
        }
      }
      return true;
    }));
    if (t.shared > 0) {
      List<FrameInfo> shared = sharedFrames(t.enclosing, t.shared);
      budget.frames(shared.size(), 0);
      t.frames.addAll(shared);
    }
    budget.charge(2 * DecodeBudget.OBJECT + (long) t.frames.size() * DecodeBudget.REFERENCE);
    String description = t.description != null
        ? t.description
        : DumpEncoder.defaultDescription(t.type, t.message);
    return new ThrowableInfo(t.type, t.message, description, t.frames, t.cause, t.suppressed, t.fields);
  }

  /** What {@code DumpEncoder} writes per frame with locals: a count, then name, type and value of each. */
  private List<LocalVariable> locals(ValueIn item) {
    int count = ValueReader.next(item).int32();
    List<LocalVariable> locals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String localName = name(ValueReader.next(item));
      String localType = name(ValueReader.next(item));
      budget.charge(DecodeBudget.OBJECT + 2 * DecodeBudget.REFERENCE);
      locals.add(new LocalVariable(localName, localType, values.read(item)));
    }
    budget.charge(DecodeBudget.OBJECT);
    return locals;
  }

  /** The last {@code count} frames of the already decoded throwable {@code enclosing}. */
  private List<FrameInfo> sharedFrames(int enclosing, int count) {
    if (enclosing < 0 || enclosing >= throwables.size()) {
      throw new IllegalStateException("frames shared with throwable " + enclosing + " not read yet");
    }
    List<FrameInfo> outer = throwables.get(enclosing).frames();
    if (count > outer.size()) {
      throw new IllegalStateException(count + " frames shared with throwable " + enclosing + " of " + outer.size());
    }
    return outer.subList(outer.size() - count, outer.size());
  }

  private static int frameIndex(List<FrameInfo> frames, int index) {
    if (index < 0 || index >= frames.size()) {
      throw new IllegalStateException("frame index " + index + " outside " + frames.size() + " frames");
    }
    return index;
  }

  private String name(ValueIn in) {
    return StringTable.lookup(names, in.int32());
  }

  private String text(ValueIn in) {
    return budget.text(WireText.read(in));
  }

  private void pairs(ValueIn in, Map<String, String> into) {
    in.sequence(into, (map, seq) -> WireFields.items(seq, item -> {
      String key = text(item);
      if (!item.hasNextSequenceItem()) {
        throw new IllegalStateException("map key " + key + " without a value");
      }
      budget.charge(DecodeBudget.OBJECT);
      map.put(key, text(item));
    }));
  }

  private static final class ThrowableFields {
    String type;
    String message;
    String description;
    int cause = ThrowableInfo.NO_CAUSE;
    final List<Integer> suppressed = new ArrayList<>();
    final Map<String, Value> fields = new LinkedHashMap<>();
    final List<FrameInfo> frames = new ArrayList<>();
    int enclosing = -1;
    int shared;
  }
}
