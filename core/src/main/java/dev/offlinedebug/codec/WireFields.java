package dev.offlinedebug.codec;

import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.WireIn;

/** Reads the fields of a document or nested marshallable in any order, skipping unknown ones. */
final class WireFields {
  private WireFields() {}

  /** Reads one field's value; returns {@code false} when the field is unknown here. */
  @FunctionalInterface
  interface Handler {
    boolean read(String name, ValueIn in);
  }

  static void read(WireIn wire, Handler handler) {
    StringBuilder name = new StringBuilder(4);
    while (wire.hasMore()) {
      ValueIn in = wire.readEventName(name);
      if (!handler.read(name.toString(), in)) {
        in.skipValue();
      }
    }
  }
}
