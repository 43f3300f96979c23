package dev.offlinedebug.codec;

import static dev.offlinedebug.codec.WireSchema.APPLICATION;
import static dev.offlinedebug.codec.WireSchema.ATTRIBUTES;
import static dev.offlinedebug.codec.WireSchema.CAUSE;
import static dev.offlinedebug.codec.WireSchema.COUNT;
import static dev.offlinedebug.codec.WireSchema.COUNTED_ID;
import static dev.offlinedebug.codec.WireSchema.DESCRIPTION;
import static dev.offlinedebug.codec.WireSchema.FIELDS;
import static dev.offlinedebug.codec.WireSchema.FRAMES;
import static dev.offlinedebug.codec.WireSchema.FRAME_LOCALS;
import static dev.offlinedebug.codec.WireSchema.FRAME_MODULES;
import static dev.offlinedebug.codec.WireSchema.HOST;
import static dev.offlinedebug.codec.WireSchema.ID;
import static dev.offlinedebug.codec.WireSchema.JVM;
import static dev.offlinedebug.codec.WireSchema.LEVEL;
import static dev.offlinedebug.codec.WireSchema.LOCALS_CAPTURED;
import static dev.offlinedebug.codec.WireSchema.LOGGER;
import static dev.offlinedebug.codec.WireSchema.MARKERS;
import static dev.offlinedebug.codec.WireSchema.MDC;
import static dev.offlinedebug.codec.WireSchema.MESSAGE;
import static dev.offlinedebug.codec.WireSchema.NAMES;
import static dev.offlinedebug.codec.WireSchema.NANOS;
import static dev.offlinedebug.codec.WireSchema.PID;
import static dev.offlinedebug.codec.WireSchema.SECONDS;
import static dev.offlinedebug.codec.WireSchema.SHARED_COUNT;
import static dev.offlinedebug.codec.WireSchema.SHARED_WITH;
import static dev.offlinedebug.codec.WireSchema.SUPPRESSED;
import static dev.offlinedebug.codec.WireSchema.THREAD_DAEMON;
import static dev.offlinedebug.codec.WireSchema.THREAD_ID;
import static dev.offlinedebug.codec.WireSchema.THREAD_NAME;
import static dev.offlinedebug.codec.WireSchema.THREAD_PRIORITY;
import static dev.offlinedebug.codec.WireSchema.THROWABLES;
import static dev.offlinedebug.codec.WireSchema.TYPE;
import static dev.offlinedebug.codec.WireSchema.VERSION;

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
 * Reads one record document written by {@link DumpEncoder} (plus its ID) or an occurrence record.
 * Fields may come in any order except that the string table precedes its users; unknown fields are
 * skipped. Throws unchecked exceptions on malformed input; {@link DumpCodec} turns them into {@code
 * DumpFormatException}s.
 */
final class DumpDecoder {
  private final List<String> names = new ArrayList<>();
  private final ValueReader values = new ValueReader(names);

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

  DecodedRecord decode(WireIn wire) {
    names.add(null);
    WireFields.read(wire, this::field);
    if (version < 1) {
      throw new IllegalStateException("no format version");
    }
    if (countedId != null) {
      return new DecodedRecord(null, new Occurrences(countedId, count));
    }
    if (id == null) {
      throw new IllegalStateException("no dump ID");
    }
    Dump dump = new Dump(id, Instant.ofEpochSecond(seconds, nanos), host, pid, jvm, application,
        new ThreadInfo(threadName, threadId, threadDaemon, threadPriority), logger, level, message,
        mdc, markers, attributes, localsCaptured, new ThrowableGraph(throwables));
    return new DecodedRecord(dump, null);
  }

  private boolean field(String name, ValueIn in) {
    switch (name) {
      case VERSION -> version = in.int32();
      case ID -> id = WireText.read(in);
      case NAMES -> in.sequence(names, (table, seq) -> {
        while (seq.hasNextSequenceItem()) {
          table.add(WireText.read(seq));
        }
      });
      case SECONDS -> seconds = in.int64();
      case NANOS -> nanos = in.int32();
      case HOST -> host = WireText.read(in);
      case PID -> pid = in.int64();
      case JVM -> jvm = WireText.read(in);
      case APPLICATION -> application = WireText.read(in);
      case THREAD_NAME -> threadName = WireText.read(in);
      case THREAD_ID -> threadId = in.int64();
      case THREAD_DAEMON -> threadDaemon = in.bool();
      case THREAD_PRIORITY -> threadPriority = in.int32();
      case LOGGER -> logger = WireText.read(in);
      case LEVEL -> level = WireText.read(in);
      case MESSAGE -> message = WireText.read(in);
      case MDC -> pairs(in, mdc);
      case MARKERS -> in.sequence(markers, (list, seq) -> {
        while (seq.hasNextSequenceItem()) {
          list.add(WireText.read(seq));
        }
      });
      case ATTRIBUTES -> pairs(in, attributes);
      case LOCALS_CAPTURED -> localsCaptured = in.bool();
      case THROWABLES -> in.sequence(throwables, (list, seq) -> {
        while (seq.hasNextSequenceItem()) {
          list.add(throwable(seq));
        }
      });
      case COUNTED_ID -> countedId = WireText.read(in);
      case COUNT -> count = in.int64();
      default -> {
        return false;
      }
    }
    return true;
  }

  private ThrowableInfo throwable(ValueIn in) {
    ThrowableFields t = new ThrowableFields();
    in.marshallable(w -> WireFields.read(w, (name, v) -> {
      switch (name) {
        case TYPE -> t.type = name(v);
        case MESSAGE -> t.message = WireText.read(v);
        case DESCRIPTION -> t.description = WireText.read(v);
        case CAUSE -> t.cause = v.int32();
        case SUPPRESSED -> v.sequence(t.suppressed, (list, seq) -> {
          while (seq.hasNextSequenceItem()) {
            list.add(seq.int32());
          }
        });
        case FIELDS -> v.sequence(t.fields, (map, seq) -> {
          while (seq.hasNextSequenceItem()) {
            String fieldName = name(seq);
            map.put(fieldName, values.read(seq));
          }
        });
        case FRAMES -> v.sequence(t.frames, (list, seq) -> {
          while (seq.hasNextSequenceItem()) {
            String className = name(seq);
            String methodName = name(ValueReader.next(seq));
            String fileName = name(ValueReader.next(seq));
            int line = ValueReader.next(seq).int32();
            list.add(new FrameInfo(className, methodName, fileName, line, null, null, null, false, List.of()));
          }
        });
        case FRAME_MODULES -> v.sequence(t.frames, (list, seq) -> {
          while (seq.hasNextSequenceItem()) {
            int index = frameIndex(list, seq.int32());
            FrameInfo f = list.get(index);
            String module = name(ValueReader.next(seq));
            String version = name(ValueReader.next(seq));
            String loader = name(ValueReader.next(seq));
            list.set(index, new FrameInfo(f.className(), f.methodName(), f.fileName(), f.line(), module,
                version, loader, f.localsCaptured(), f.locals()));
          }
        });
        case FRAME_LOCALS -> v.sequence(t.frames, (list, seq) -> {
          while (seq.hasNextSequenceItem()) {
            int index = frameIndex(list, seq.int32());
            int count = ValueReader.next(seq).int32();
            List<LocalVariable> locals = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              String localName = name(ValueReader.next(seq));
              String localType = name(ValueReader.next(seq));
              locals.add(new LocalVariable(localName, localType, values.read(seq)));
            }
            list.set(index, list.get(index).withLocals(locals));
          }
        });
        case SHARED_WITH -> t.enclosing = v.int32();
        case SHARED_COUNT -> t.shared = v.int32();
        default -> {
          return false;
        }
      }
      return true;
    }));
    if (t.shared > 0) {
      t.frames.addAll(sharedFrames(t.enclosing, t.shared));
    }
    String description = t.description != null
        ? t.description
        : DumpEncoder.defaultDescription(t.type, t.message);
    return new ThrowableInfo(t.type, t.message, description, t.frames, t.cause, t.suppressed, t.fields);
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

  private static void pairs(ValueIn in, Map<String, String> into) {
    in.sequence(into, (map, seq) -> {
      while (seq.hasNextSequenceItem()) {
        String key = WireText.read(seq);
        if (!seq.hasNextSequenceItem()) {
          throw new IllegalStateException("map key " + key + " without a value");
        }
        map.put(key, WireText.read(seq));
      }
    });
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
