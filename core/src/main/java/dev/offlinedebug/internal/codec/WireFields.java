package dev.offlinedebug.internal.codec;

import java.util.function.Consumer;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.WireIn;

/**
 * Reads the fields of a document or nested marshallable in any order, skipping unknown ones, and the
 * items of sequences. Each field and item must consume input: a byte the wire cannot read as one
 * would otherwise be read again and again, forever.
 */
final class WireFields {
  private WireFields() {}

  /** Reads one field's value; returns {@code false} when the field is unknown here. */
  @FunctionalInterface
  interface Handler {
    boolean read(String name, ValueIn in);
  }

  static void read(WireIn wire, Handler handler) {
    StringBuilder name = new StringBuilder(4);
    BytesIn<?> bytes = wire.bytes();
    while (wire.hasMore()) {
      long before = bytes.readPosition();
      ValueIn in = wire.readEventName(name);
      if (!handler.read(name.toString(), in)) {
        in.skipValue();
      }
      requireProgress(bytes, before);
    }
  }

  /** Reads every remaining item of the sequence {@code seq} with {@code item}. */
  static void items(ValueIn seq, Consumer<ValueIn> item) {
    BytesIn<?> bytes = seq.wireIn().bytes();
    while (seq.hasNextSequenceItem()) {
      long before = bytes.readPosition();
      item.accept(seq);
      requireProgress(bytes, before);
    }
  }

  private static void requireProgress(BytesIn<?> bytes, long before) {
    if (bytes.readPosition() <= before) {
      throw new IllegalStateException("unreadable input at byte " + before);
    }
  }
}
