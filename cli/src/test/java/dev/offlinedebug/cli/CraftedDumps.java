package dev.offlinedebug.cli;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.WireOut;

/**
 * Dump files as an attacker writes them: records whose fields no writer of ours would produce, with
 * a valid frame and checksum so that they reach the decoder.
 */
final class CraftedDumps {
  private CraftedDumps() {}

  /** A standalone dump file holding {@code payload}. */
  static Path file(Path file, byte[] payload) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(RecordFrame.completeHeader(payload.length).array());
      out.write(payload);
    }
    return file;
  }

  /** A standalone dump file of {@code dump}, as the codec writes it. */
  static Path file(Path file, Dump dump) throws IOException {
    return file(file, DumpCodec.encode(dump));
  }

  /** The record whose fields {@code body} writes, sealed with ID {@code id}. */
  static byte[] record(String id, List<String> names, Consumer<WireOut> body) {
    Bytes<byte[]> out = Bytes.allocateElasticOnHeap(256);
    try {
      WireOut w = BinaryWire.binaryOnly(out);
      w.write("v").int32(1);
      w.write("s").sequence(names, (list, seq) -> list.forEach(seq::text));
      body.accept(w);
      return DumpCodec.seal(out.toByteArray(), id);
    } finally {
      out.releaseLast();
    }
  }

  /** One frame with a local of type {@code java.lang.Integer} stored as a box of unknown kind holding {@code text}. */
  static byte[] unknownBox(String text) {
    return record("od-box", List.of("java.lang.RuntimeException", "com.acme.Box", "run", "Box.java", "value",
        "java.lang.Integer"), w -> {
          w.write("lc").bool(true);
          w.write("x").sequence(text, (value, seq) -> seq.marshallable(t -> {
            t.write("t").int32(1);
            t.write("f").sequence(value, (v, frames) -> List.of(2, 3, 4, 7).forEach(frames::int32));
            // frame 0, 1 local: name, type, PRIMITIVE of type 6, box UNKNOWN_BOX, then its text.
            t.write("fv").sequence(value, (v, locals) -> {
              List.of(0, 1, 5, 6, 1, 6, 8).forEach(locals::int32);
              locals.text(v);
            });
          }));
        });
  }

  /**
   * {@code count} throwables, each the cause of the one before, each sharing every frame of the one
   * before and adding one: linear in bytes, quadratic in frames once expanded.
   */
  static byte[] sharedFrameBomb(int count) {
    return record("od-bomb", List.of("java.lang.RuntimeException", "com.acme.Bomb", "tick", "Bomb.java"),
        w -> w.write("x").sequence(count, (n, seq) -> {
          for (int i = 0; i < n; i++) {
            int index = i;
            seq.marshallable(t -> {
              t.write("t").int32(1);
              t.write("f").sequence(index, (line, frames) -> List.of(2, 3, 4, line).forEach(frames::int32));
              if (index + 1 < n) {
                t.write("c").int32(index + 1);
              }
              if (index > 0) {
                t.write("fp").int32(index - 1);
                t.write("fs").int32(index);
              }
            });
          }
        }));
  }
}
