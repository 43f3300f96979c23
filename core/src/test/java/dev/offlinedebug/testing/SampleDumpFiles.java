package dev.offlinedebug.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.offlinedebug.Dump;
import dev.offlinedebug.internal.codec.DumpCodec;
import dev.offlinedebug.internal.codec.RecordFrame;
import dev.offlinedebug.spi.WireRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Writes hand-made dumps as standalone dump files, in the format {@code OfflineDebug.save} writes. */
public final class SampleDumpFiles {
  private SampleDumpFiles() {}

  public static Path write(Dump dump, Path directory) throws IOException {
    assertNull(WireRuntime.awaitReady(Duration.ofMinutes(2)), "Chronicle Wire initialised");
    byte[] payload = DumpCodec.encode(dump);
    Path file = directory.resolve(dump.id() + ".dump");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(RecordFrame.completeHeader(payload.length).array());
      out.write(payload);
    }
    return file;
  }
}
