package dev.offlinedebug.spi;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.DumpCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.WireType;

/**
 * A dump as Chronicle Wire renders its stored record in YAML: the store's binary document (field
 * names, the string table, values) copied field by field into a YAML wire. It shows the record as
 * the store keeps it; {@code --format json} is the stable, documented shape. For the CLI's {@code
 * export --format yaml}.
 */
public final class WireYaml {
  private WireYaml() {}

  /** The dump's record in Chronicle Wire's YAML; loads Chronicle Wire. */
  public static String render(Dump dump) {
    byte[] record = DumpCodec.encode(dump);
    Bytes<byte[]> binary = Bytes.wrapForRead(record);
    Bytes<byte[]> text = Bytes.allocateElasticOnHeap(record.length * 4);
    try {
      BinaryWire.binaryOnly(binary).copyTo(WireType.YAML_ONLY.apply(text));
      return text.toString();
    } finally {
      binary.releaseLast();
      text.releaseLast();
    }
  }
}
