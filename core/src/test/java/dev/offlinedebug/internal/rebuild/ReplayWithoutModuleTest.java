package dev.offlinedebug.internal.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.offlinedebug.Dump;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.testing.FileTraps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core alone (offline-debug-replay is not on core's test class path) says what replay needs. */
class ReplayWithoutModuleTest {
  @TempDir Path traps;

  @Test
  void replay_withoutReplayModule_namesTheModule() throws Exception {
    Dump dump = FileTraps.in(traps, false).dump();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfflineDebug.replay(dump, 0));

    assertEquals("OfflineDebug.replay needs dev.offlinedebug:offline-debug-replay on the class path;"
        + " OfflineDebug.rethrow throws the same exception without replayed frames", e.getMessage());
  }
}
