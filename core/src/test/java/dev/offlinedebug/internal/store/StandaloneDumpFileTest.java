package dev.offlinedebug.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpFormatException;
import dev.offlinedebug.OfflineDebug;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneDumpFileTest {
  @TempDir Path tmp;

  @Test
  void save_thenLoadGivesTheSameThrowable() throws IOException {
    Path file = tmp.resolve("failure.dump");
    Throwable thrown = new IllegalStateException("order 42 \u00fc", new ArithmeticException("/ by zero"));
    String id = OfflineDebug.save(thrown, file);
    Dump dump = OfflineDebug.load(file);
    assertEquals(id, dump.id());
    assertTrue(id.startsWith("od-"), id);
    assertEquals("java.lang.IllegalStateException: order 42 \u00fc", dump.exception().root().description());
    assertEquals("java.lang.ArithmeticException", dump.exception().nthCause(1).orElseThrow().type());
    assertEquals(thrown.getStackTrace()[0].toString(), dump.exception().root().frames().get(0).toStackTraceElement().toString());
    assertEquals(List.of(file), Files.list(tmp).toList(), "no temporary file left behind");
  }

  @Test
  void save_toStreamIsOneFramedRecord() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String id = OfflineDebug.save(new IllegalArgumentException("x"), out);
    Path file = Files.write(tmp.resolve("streamed.dump"), out.toByteArray());
    assertEquals(id, OfflineDebug.load(file).id());
  }

  @Test
  void load_truncatedOrForeignFileIsFormatError() throws IOException {
    Path file = tmp.resolve("failure.dump");
    OfflineDebug.save(new IllegalStateException("x"), file);
    byte[] bytes = Files.readAllBytes(file);
    Path cut = Files.write(tmp.resolve("cut.dump"), Arrays.copyOf(bytes, bytes.length - 1));
    DumpFormatException e = assertThrows(DumpFormatException.class, () -> OfflineDebug.load(cut));
    assertEquals(cut, e.file());
    Path text = Files.writeString(tmp.resolve("text.dump"), "java.lang.IllegalStateException: x\n\tat A.b(A.java:1)\n");
    assertThrows(DumpFormatException.class, () -> OfflineDebug.load(text));
    Path empty = Files.write(tmp.resolve("empty.dump"), new byte[0]);
    assertThrows(DumpFormatException.class, () -> OfflineDebug.load(empty));
  }

  @Test
  void load_fifoOrDeviceIsRefusedAtOnce() throws Exception {
    Path fifo = tmp.resolve("fifo.dump");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    // Only a hang guard: opening a FIFO for reading blocks until a writer opens it.
    for (Path file : List.of(fifo, Path.of("/dev/zero"), tmp)) {
      DumpFormatException e = assertTimeoutPreemptively(Duration.ofMinutes(1),
          () -> assertThrows(DumpFormatException.class, () -> OfflineDebug.load(file)));
      assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
  }
}
