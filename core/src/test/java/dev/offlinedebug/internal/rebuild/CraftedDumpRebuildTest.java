package dev.offlinedebug.internal.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.rebuild.RebuiltThrowable;
import dev.offlinedebug.testing.FileTraps;
import dev.offlinedebug.testing.SampleDumpFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rebuilding a dump whose exception fields and locals claim JDK types that touch files or start
 * threads when built from text builds none of them, even when its throwable claims such a type or
 * its package is allowed: exception fields stay data.
 */
class CraftedDumpRebuildTest {
  @TempDir Path traps;
  @TempDir Path dumps;

  @AfterEach
  void clearAllowance() {
    System.clearProperty(RebuildAllowance.PROPERTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.trap.ImportFailure", "java.io.FileOutputStream", "java.util.Timer"})
  void rebuild_craftedFieldsTouchNoFile(String throwableType) throws Exception {
    System.setProperty(RebuildAllowance.PROPERTY, "com.acme");
    FileTraps files = FileTraps.in(traps, false);
    Path file = SampleDumpFiles.write(files.dump(throwableType), dumps);

    Throwable rebuilt = OfflineDebug.load(file).rebuild();

    RebuiltThrowable standIn = assertInstanceOf(RebuiltThrowable.class, rebuilt);
    assertEquals(throwableType, standIn.originalType());
    files.assertUntouched();
  }
}
