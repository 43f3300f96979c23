package dev.offlinedebug.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpOccurrences;
import dev.offlinedebug.DumpStore;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records written by the first release's Chronicle-based encoder (kept under {@code
 * src/test/resources/landed/}) still load, and today's encoder writes the very same bytes.
 */
class LandedRecordsTest {
  @TempDir Path tmp;

  @Test
  void load_recordsWrittenByTheLandedEncoder() throws IOException {
    for (Map.Entry<String, Dump> landed : LandedDumps.ALL.entrySet()) {
      assertEquals(landed.getValue(), OfflineDebug.load(copy(landed.getKey())), landed.getKey());
    }
  }

  @Test
  void encode_sameBytesAsTheLandedEncoder() throws IOException {
    for (Map.Entry<String, Dump> landed : LandedDumps.ALL.entrySet()) {
      byte[] file = resource(landed.getKey());
      byte[] payload = Arrays.copyOfRange(file, RecordFrame.HEADER_SIZE, file.length);
      assertArrayEquals(payload, DumpCodec.encode(landed.getValue()), landed.getKey());
    }
  }

  @Test
  void encodeOccurrences_sameBytesAsTheLandedEncoder() throws IOException {
    Path file = copy("occurrences.record");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      assertEquals(new Occurrences("od-landed1-000000000000", 41), RecordFrame.read(channel, file, 0).occurrences());
    }
    byte[] bytes = resource("occurrences.record");
    assertArrayEquals(Arrays.copyOfRange(bytes, RecordFrame.HEADER_SIZE, bytes.length),
        DumpCodec.encodeOccurrences("od-landed1-000000000000", 41));
  }

  /** A store directory a landed {@code DumpWriter} wrote: three dumps, one repeated four times. */
  @Test
  void open_storeWrittenByTheLandedWriter() throws IOException {
    Path store = Files.createDirectories(tmp.resolve("store"));
    String file = "0mx4e5ljz-oag9vp.odump";
    Files.write(store.resolve(file), resource("store/" + file));
    List<String[]> expected = new String(resource("store-ids.txt"), java.nio.charset.StandardCharsets.UTF_8)
        .lines().map(l -> l.split(" ", 2)).distinct().toList();
    DumpStore dumps = OfflineDebug.open(store);
    Map<String, DumpSummary> listed = dumps.list().stream()
        .collect(Collectors.toMap(DumpSummary::id, Function.identity()));
    assertEquals(4, listed.size(), listed.toString());
    for (String[] line : expected) {
      String id = line[0];
      assertEquals(line[1].equals("repeat") ? "repeated" : line[1], dumps.load(id).exception().root().message());
      assertEquals(line[1].equals("repeat") ? 4 : 1, listed.get(id).occurrences(), id);
      // Repeats the landed writer folded were only counted: no occurrences with values of their own.
      DumpOccurrences occurrences = dumps.occurrences(id);
      assertEquals(List.of(), occurrences.stored(), id);
      assertEquals(line[1].equals("repeat") ? 3 : 0, occurrences.counted(), id);
    }
    assertEquals("cause", dumps.load(expected.get(0)[0]).exception().throwables().get(1).message());
  }

  private Path copy(String name) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, resource(name));
    return file;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(LandedRecordsTest.class.getResourceAsStream("/landed/" + name), name)) {
      return in.readAllBytes();
    }
  }
}
