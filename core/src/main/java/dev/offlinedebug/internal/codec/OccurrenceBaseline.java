package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What dedup remembers of a first dump so that a repeat can be stored as its differences: a digest
 * of the dump's shape (throwable types, causes, frames, field names) and one digest per value slot
 * (each throwable's message, description and fields, each frame's locals). A few words per slot
 * instead of the dump itself; at most {@link #MAX_SLOTS} slots. Immutable.
 *
 * @since 0.2
 */
public final class OccurrenceBaseline {
  /** Dumps with more value slots than this get no baseline: their repeats are only counted. */
  static final int MAX_SLOTS = 1024;

  private final long shape;
  private final long[] slots;

  private OccurrenceBaseline(long shape, long[] slots) {
    this.shape = shape;
    this.slots = slots;
  }

  /** The baseline of {@code first}, or {@code null} when it has more than {@link #MAX_SLOTS} value slots. */
  public static OccurrenceBaseline of(Dump first) {
    ThrowableGraph graph = first.exception();
    int count = slotCount(graph);
    if (count > MAX_SLOTS) {
      return null;
    }
    long[] slots = new long[count];
    visit(graph, (slot, digest, change) -> slots[slot] = digest);
    return new OccurrenceBaseline(shape(graph), slots);
  }

  /**
   * What differs in {@code occurrence} from the first dump, or {@code null} when its shape differs
   * (other frames below the fingerprint's, another cause chain): then it is no repeat to store as
   * differences.
   */
  List<OccurrenceChange> changes(Dump occurrence) {
    ThrowableGraph graph = occurrence.exception();
    if (shape(graph) != shape || slotCount(graph) != slots.length) {
      return null;
    }
    List<OccurrenceChange> changes = new ArrayList<>();
    visit(graph, (slot, digest, change) -> {
      if (slots[slot] != digest) {
        changes.add(change.get());
      }
    });
    return changes;
  }

  @FunctionalInterface
  private interface SlotVisitor {
    void slot(int slot, long digest, Supplier<OccurrenceChange> change);
  }

  private static int slotCount(ThrowableGraph graph) {
    int count = 0;
    for (ThrowableInfo t : graph.throwables()) {
      count += 2 + t.fields().size();
      for (FrameInfo frame : t.frames()) {
        count += frame.localsCaptured() ? 1 : 0;
      }
    }
    return count;
  }

  private static void visit(ThrowableGraph graph, SlotVisitor visitor) {
    int slot = 0;
    for (int i = 0; i < graph.throwables().size(); i++) {
      int index = i;
      ThrowableInfo t = graph.get(i);
      visitor.slot(slot++, new ModelDigest().text(t.message()).get(),
          () -> new OccurrenceChange.Message(index, t.message()));
      visitor.slot(slot++, new ModelDigest().text(t.description()).get(),
          () -> new OccurrenceChange.Description(index, t.description()));
      for (Map.Entry<String, Value> field : t.fields().entrySet()) {
        visitor.slot(slot++, new ModelDigest().value(field.getValue()).get(),
            () -> new OccurrenceChange.Field(index, field.getKey(), field.getValue()));
      }
      List<FrameInfo> frames = t.frames();
      for (int j = 0; j < frames.size(); j++) {
        FrameInfo frame = frames.get(j);
        int frameIndex = j;
        if (frame.localsCaptured()) {
          visitor.slot(slot++, new ModelDigest().locals(frame.locals()).get(),
              () -> new OccurrenceChange.Locals(index, frameIndex, frame.locals()));
        }
      }
    }
  }

  private static long shape(ThrowableGraph graph) {
    ModelDigest shape = new ModelDigest().mix(graph.throwables().size());
    for (ThrowableInfo t : graph.throwables()) {
      shape.text(t.type()).mix(t.cause()).mix(t.suppressed().size());
      for (int s : t.suppressed()) {
        shape.mix(s);
      }
      shape.mix(t.fields().size());
      for (String name : t.fields().keySet()) {
        shape.text(name);
      }
      shape.mix(t.frames().size());
      for (FrameInfo f : t.frames()) {
        shape.text(f.className()).text(f.methodName()).text(f.fileName()).mix(f.line()).text(f.moduleName())
            .text(f.moduleVersion()).text(f.classLoaderName()).mix(f.localsCaptured() ? 1 : 0);
      }
    }
    return shape.get();
  }
}
