package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.offlinedebug.DumpNotFoundException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ReplayDumpTest {
  @TempDir Path directory;

  @Test
  void replayDump_throwsDumpedExceptionWithOriginalTypeAndMessage() {
    String id = dumpOfFailure();

    EngineExecutionResults results =
        new FixtureRun(directory).with(ReplayDumpExtension.ID, id).run(Reproduce.class);

    Throwable replayed = FixtureRun.failure(results.testEvents().failed().list().get(0));
    assertEquals(IllegalStateException.class, replayed.getClass());
    assertEquals("order 42 has no lines", replayed.getMessage());
    assertEquals(Failing.class.getName(), replayed.getStackTrace()[0].getClassName());
    assertEquals(List.of("replayed"), FixtureRun.reportEntries(results, ReplayDumpExtension.REPORT_ENTRY_KEY));
  }

  @Test
  void replayDump_causeOne_throwsTheCause() {
    String id = dumpOfFailure();

    Throwable replayed =
        replayFailure(
            new FixtureRun(directory).with(ReplayDumpExtension.ID, id).with(ReplayDumpExtension.CAUSE, "1"));

    assertEquals(IllegalArgumentException.class, replayed.getClass());
    assertEquals("empty", replayed.getMessage());
    assertInstanceOf(IndexOutOfBoundsException.class, replayed.getCause());
  }

  @Test
  void replayDump_causeBeyondChain_failsNamingTheCause() {
    String id = dumpOfFailure();

    Throwable failure =
        replayFailure(
            new FixtureRun(directory).with(ReplayDumpExtension.ID, id).with(ReplayDumpExtension.CAUSE, "5"));

    assertInstanceOf(IllegalArgumentException.class, failure);
    assertTrue(failure.getMessage().contains("no cause 5"), failure.getMessage());
  }

  @Test
  void replayDump_withoutId_isSkipped() {
    EngineExecutionResults results = new FixtureRun(directory).run(Reproduce.class);

    assertEquals(1, results.testEvents().aborted().count());
  }

  @Test
  void replayDump_unknownId_failsWithDumpNotFound() {
    dumpOfFailure();

    Throwable failure =
        replayFailure(new FixtureRun(directory).with(ReplayDumpExtension.ID, "od-zzzzzzzzz-zzzzzz-0"));

    assertInstanceOf(DumpNotFoundException.class, failure);
    assertTrue(failure.getMessage().contains("od-zzzzzzzzz-zzzzzz-0"), failure.getMessage());
  }

  @Test
  void replayDump_withOfflineDebugExtension_writesNoNewDump() throws Exception {
    FixtureRun run = new FixtureRun(directory);
    String id = dumpOfFailure();

    run.with(ReplayDumpExtension.ID, id).run(ReproduceWithExtension.class);

    assertEquals(1, run.dumps().size());
  }

  private static Throwable replayFailure(FixtureRun run) {
    return FixtureRun.failure(run.run(Reproduce.class).testEvents().failed().list().get(0));
  }

  /** Runs {@link Failing} and returns the ID of its one dump. */
  private String dumpOfFailure() {
    List<String> ids = FixtureRun.reportedDumpIds(new FixtureRun(directory).run(Failing.class));
    assertEquals(1, ids.size(), "dump IDs: " + ids);
    return ids.get(0);
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class Failing {
    @Test
    void fails() {
      try {
        List.of().get(0);
      } catch (IndexOutOfBoundsException e) {
        throw new IllegalStateException("order 42 has no lines", new IllegalArgumentException("empty", e));
      }
    }
  }

  @Fixture
  static class Reproduce {
    @ReplayDump
    void reproduce() {}
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class ReproduceWithExtension {
    @ReplayDump
    void reproduce() {}
  }
}
