package dev.offlinedebug.internal.codec;

import dev.offlinedebug.Dump;
import dev.offlinedebug.model.FrameInfo;
import dev.offlinedebug.model.ThreadInfo;
import dev.offlinedebug.model.ThrowableGraph;
import dev.offlinedebug.model.ThrowableInfo;
import dev.offlinedebug.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded occurrence record: a repeat of the failure dumped as {@link #firstId()}, stored as
 * what differs from that dump (the values that changed) plus its own logging event (time, thread,
 * logger, level, message, MDC, markers, attributes). {@link #applyTo} gives the repeat's full dump.
 *
 * @since 0.2
 */
public final class Occurrence {
  private final String id;
  private final String firstId;
  private final Dump event;
  private final List<OccurrenceChange> changes;

  /** @param event the logging event's fields; its host, JVM and exception are not used */
  Occurrence(String id, String firstId, Dump event, List<OccurrenceChange> changes) {
    this.id = id;
    this.firstId = firstId;
    this.event = event;
    this.changes = List.copyOf(changes);
  }

  /** This occurrence's own ID; never null. */
  public String id() {
    return id;
  }

  /** The ID of the first dump of the failure, which this occurrence is stored against; never null. */
  public String firstId() {
    return firstId;
  }

  /** When this occurrence was logged; never null. */
  public Instant time() {
    return event.time();
  }

  /** The thread that logged this occurrence; never null. */
  public ThreadInfo thread() {
    return event.thread();
  }

  /**
   * This occurrence's full dump: {@code first} (the dump {@link #firstId()} names) with this
   * occurrence's event and changed values. Each throwable is copied at most once, so the work is
   * proportional to the two records' sizes.
   *
   * @throws IllegalArgumentException when the changes do not fit {@code first} (a damaged record)
   */
  public Dump applyTo(Dump first) {
    if (!first.id().equals(firstId)) {
      throw new IllegalArgumentException("occurrence " + id + " belongs to " + firstId + ", not " + first.id());
    }
    List<ThrowableInfo> throwables = first.exception().throwables();
    Changed[] changed = new Changed[throwables.size()];
    for (OccurrenceChange change : changes) {
      int index = change.throwable();
      if (index < 0 || index >= throwables.size()) {
        throw new IllegalArgumentException("occurrence " + id + " changes throwable " + index + " of "
            + throwables.size());
      }
      if (changed[index] == null) {
        changed[index] = new Changed(throwables.get(index));
      }
      changed[index].apply(change);
    }
    List<ThrowableInfo> result = new ArrayList<>(throwables);
    for (int i = 0; i < changed.length; i++) {
      if (changed[i] != null) {
        result.set(i, changed[i].build());
      }
    }
    return new Dump(id, event.time(), first.host(), first.pid(), first.jvm(), first.application(), event.thread(),
        event.logger(), event.level(), event.message(), event.mdc(), event.markers(), event.attributes(),
        event.localsCaptured(), new ThrowableGraph(result));
  }

  /** One throwable of the first dump with this occurrence's changes. */
  private final class Changed {
    private final ThrowableInfo original;
    private final Map<String, Value> fields;
    private final List<FrameInfo> frames;
    private String message;
    private String description;

    Changed(ThrowableInfo original) {
      this.original = original;
      this.fields = new LinkedHashMap<>(original.fields());
      this.frames = new ArrayList<>(original.frames());
      this.message = original.message();
      this.description = original.description();
    }

    void apply(OccurrenceChange change) {
      if (change instanceof OccurrenceChange.Message m) {
        message = m.text();
      } else if (change instanceof OccurrenceChange.Description d) {
        description = d.text();
      } else if (change instanceof OccurrenceChange.Field f) {
        if (!fields.containsKey(f.name())) {
          throw new IllegalArgumentException("occurrence " + id + " changes field " + f.name() + ", which "
              + original.type() + " has not");
        }
        fields.put(f.name(), f.value());
      } else if (change instanceof OccurrenceChange.Locals l) {
        if (l.frame() < 0 || l.frame() >= frames.size()) {
          throw new IllegalArgumentException("occurrence " + id + " changes frame " + l.frame() + " of "
              + frames.size());
        }
        frames.set(l.frame(), frames.get(l.frame()).withLocals(l.locals()));
      }
    }

    ThrowableInfo build() {
      if (description == null) {
        throw new IllegalArgumentException("occurrence " + id + " leaves " + original.type() + " without a description");
      }
      return new ThrowableInfo(original.type(), message, description, frames, original.cause(), original.suppressed(),
          fields);
    }
  }
}
