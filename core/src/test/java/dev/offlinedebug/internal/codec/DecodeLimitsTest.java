package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.model.TextValue;
import dev.offlinedebug.model.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DecodeLimitsTest {
  private static final Path FILE = Path.of("crafted.dumps");

  @Test
  void decode_sharedFrameBomb() {
    byte[] bomb = CraftedRecords.sharedFrameBomb(45_000);

    DumpFormatException e = assertThrows(DumpFormatException.class,
        () -> DumpCodec.decode(bomb, bomb.length, FILE, 0));
    assertTrue(e.getMessage().contains("more than 1000000 stack frames"), e.getMessage());
  }

  @Test
  void decode_sharedFramesWithinTheLimit() throws DumpFormatException {
    byte[] record = CraftedRecords.sharedFrameBomb(1_000);

    var throwables = DumpCodec.decode(record, record.length, FILE, 0).dump().exception().throwables();
    assertEquals(1_000, throwables.get(999).frames().size());
    assertEquals(throwables.get(0).frames().get(0), throwables.get(999).frames().get(999));
  }

  @Test
  void decode_recordLargerThanItsShareOfTheHeap() {
    DecodeBudget budget = new DecodeBudget(1 << 20);
    byte[] record = CraftedRecords.unknownBox("x".repeat(600_000));
    var wire = net.openhft.chronicle.wire.BinaryWire.binaryOnly(
        net.openhft.chronicle.bytes.Bytes.wrapForRead(java.util.Arrays.copyOf(record, record.length - 7)));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DumpDecoder(budget).decode(wire));
    assertTrue(e.getMessage().contains("record expands beyond 1 MB"), e.getMessage());
  }

  @Test
  void decode_unknownPrimitiveBox_isText() throws DumpFormatException {
    String crafted = "1,\"injected\":true,\"x\":\"\u001b]0;owned\u0007";
    byte[] record = CraftedRecords.unknownBox(crafted);

    Value value = DumpCodec.decode(record, record.length, FILE, 0).dump().exception().root().frames().get(0)
        .locals().get(0).value();
    assertEquals(new TextValue("java.lang.Integer", crafted), value);
  }
}
