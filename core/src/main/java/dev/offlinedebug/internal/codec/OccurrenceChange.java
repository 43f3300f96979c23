package dev.offlinedebug.internal.codec;

import dev.offlinedebug.model.LocalVariable;
import dev.offlinedebug.model.Value;
import java.util.List;

/**
 * One part of a repeated failure that differs from the first dump of it: what an occurrence record
 * stores instead of the whole dump. Each names the throwable (its index in the graph) it belongs to.
 */
sealed interface OccurrenceChange {
  /** Wire kinds, the first item of each change in {@link WireSchema#CHANGES}. */
  int MESSAGE = 0;
  int DESCRIPTION = 1;
  int FIELD = 2;
  int LOCALS = 3;

  int throwable();

  /** The throwable's message. */
  record Message(int throwable, String text) implements OccurrenceChange {}

  /** The throwable's {@code toString()}. */
  record Description(int throwable, String text) implements OccurrenceChange {}

  /** The value of one of the throwable's own fields. */
  record Field(int throwable, String name, Value value) implements OccurrenceChange {}

  /** Every local of one frame of the throwable. */
  record Locals(int throwable, int frame, List<LocalVariable> locals) implements OccurrenceChange {}
}
