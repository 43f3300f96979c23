package dev.offlinedebug.internal.codec;

import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.WireOut;

/**
 * Record payloads written field by field with Chronicle Wire, as an attacker would write them: any
 * field values, any sharing of frames, with a valid checksum so that they reach the decoder.
 */
public final class CraftedRecords {
  private CraftedRecords() {}

  /** A payload of the fields {@code body} writes, followed by the checksum trailer. */
  public static byte[] payload(Consumer<WireOut> body) {
    Bytes<byte[]> out = Bytes.allocateElasticOnHeap(256);
    try {
      body.accept(BinaryWire.binaryOnly(out));
      return withChecksum(out.toByteArray());
    } finally {
      out.releaseLast();
    }
  }

  /** {@code body} (a payload without its trailer) with a checksum trailer that matches it. */
  public static byte[] withChecksum(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body, 0, body.length);
    int sum = (int) crc.getValue();
    byte[] payload = java.util.Arrays.copyOf(body, body.length + 7);
    payload[body.length] = (byte) 0xc1;
    payload[body.length + 1] = 'z';
    payload[body.length + 2] = (byte) 0xa6;
    for (int i = 0; i < 4; i++) {
      payload[body.length + 3 + i] = (byte) (sum >>> (8 * i));
    }
    return payload;
  }

  /** The fields every dump needs before its throwables: version, string table of {@code names}. */
  public static void head(WireOut w, List<String> names) {
    w.write("v").int32(1);
    w.write("s").sequence(names, (list, seq) -> list.forEach(seq::text));
  }

  /**
   * A dump of {@code count} throwables, each the cause of the one before, where each shares all
   * frames of the one before and adds one of its own: linear in bytes, quadratic in frames once the
   * sharing is expanded.
   */
  public static byte[] sharedFrameBomb(int count) {
    return payload(w -> {
      head(w, List.of("java.lang.RuntimeException", "com.acme.Bomb", "tick", "Bomb.java"));
      w.write("x").sequence(count, (n, seq) -> {
        for (int i = 0; i < n; i++) {
          int index = i;
          seq.marshallable(t -> {
            t.write("t").int32(1);
            t.write("f").sequence(index, (line, frames) -> {
              frames.int32(2);
              frames.int32(3);
              frames.int32(4);
              frames.int32(line);
            });
            if (index + 1 < n) {
              t.write("c").int32(index + 1);
            }
            if (index > 0) {
              t.write("fp").int32(index - 1);
              t.write("fs").int32(index);
            }
          });
        }
      });
      w.write("id").text("od-bomb");
    });
  }

  /**
   * A dump whose one frame has a local {@code value} of type {@code java.lang.Integer} stored as a
   * primitive of a box the model does not know, holding {@code text}.
   */
  public static byte[] unknownBox(String text) {
    return payload(w -> {
      head(w, List.of("java.lang.RuntimeException", "com.acme.Box", "run", "Box.java", "value",
          "java.lang.Integer"));
      w.write("lc").bool(true);
      w.write("x").sequence(text, (value, seq) -> seq.marshallable(t -> {
        t.write("t").int32(1);
        t.write("f").sequence(value, (v, frames) -> {
          frames.int32(2);
          frames.int32(3);
          frames.int32(4);
          frames.int32(7);
        });
        t.write("fv").sequence(value, (v, locals) -> {
          locals.int32(0);
          locals.int32(1);
          locals.int32(5);
          locals.int32(6);
          locals.int32(1); // PRIMITIVE
          locals.int32(6);
          locals.int32(8); // UNKNOWN_BOX
          locals.text(v);
        });
      }));
      w.write("id").text("od-box");
    });
  }

  /**
   * A message field holding a nested document whose length claims 2 GB: Chronicle renders such a
   * value as text through a debugging dump that reads wherever the length points.
   */
  public static byte[] textAsHugeDocument() {
    byte[] body = {(byte) 0xc1, 'v', 1, (byte) 0xc1, 'm', (byte) 0x82, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f,
        (byte) 0xc1, 'x', 0, 0, 0, 0};
    return withChecksum(body);
  }
}
