package dev.offlinedebug.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offlinedebug.Dump;
import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import dev.offlinedebug.model.ThrowableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class OfflineDebugExtensionTest {
  @TempDir Path directory;

  @Test
  void failingTest_writesOneDumpWithFailureAndTestId() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(FailingTest.class);

    Event failed = results.testEvents().failed().list().get(0);
    Throwable failure = FixtureRun.failure(failed);
    List<DumpSummary> dumps = run.dumps();
    assertEquals(1, dumps.size(), "dumps: " + dumps);
    assertEquals(List.of(dumps.get(0).id()), FixtureRun.reportedDumpIds(results));

    Dump dump = OfflineDebug.open(directory).load(dumps.get(0).id());
    ThrowableInfo exception = dump.exception().root();
    assertEquals(failure.getClass().getName(), exception.type());
    assertEquals(failure.getMessage(), exception.message());
    assertEquals(failed.getTestDescriptor().getUniqueId().toString(), dump.attributes().get("test.uniqueId"));
    assertEquals("fails()", dump.attributes().get("test.displayName"));
    assertEquals("test", dump.attributes().get("test.phase"));
    assertEquals(FailingTest.class.getName(), dump.logger());
    assertEquals("ERROR", dump.level());
  }

  @Test
  void failingBeforeEach_writesOneDump() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(FailingBeforeEach.class);

    Throwable failure = FixtureRun.failure(results.testEvents().failed().list().get(0));
    Dump dump = onlyDump(run);
    assertEquals(failure.getMessage(), dump.exception().root().message());
    assertEquals("beforeEach", dump.attributes().get("test.phase"));
    assertEquals("test", dump.attributes().get("test.method"));
  }

  @Test
  void failingAfterEach_writesOneDump() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    run.run(FailingAfterEach.class);

    Dump dump = onlyDump(run);
    assertEquals(IllegalStateException.class.getName(), dump.exception().root().type());
    assertEquals("afterEach", dump.attributes().get("test.phase"));
  }

  @Test
  void failingTestAndAfterEach_writeOneDumpPerFailure() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(FailingTestAndAfterEach.class);

    Throwable failure = FixtureRun.failure(results.testEvents().failed().list().get(0));
    assertEquals("test failed", failure.getMessage());
    assertEquals("tear-down failed", failure.getSuppressed()[0].getMessage());
    List<String> ids = FixtureRun.reportedDumpIds(results);
    assertEquals(2, run.dumps().size());
    assertEquals(2, ids.size());
    Dump test = OfflineDebug.open(directory).load(ids.get(0));
    Dump tearDown = OfflineDebug.open(directory).load(ids.get(1));
    assertEquals(List.of("test", "test failed"), List.of(test.attributes().get("test.phase"), test.exception().root().message()));
    assertEquals(
        List.of("afterEach", "tear-down failed"),
        List.of(tearDown.attributes().get("test.phase"), tearDown.exception().root().message()));
  }

  @Test
  void failingNestedTest_writesOneDump() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(Outer.class);

    Event failed = results.testEvents().failed().list().get(0);
    Dump dump = onlyDump(run);
    assertEquals(failed.getTestDescriptor().getUniqueId().toString(), dump.attributes().get("test.uniqueId"));
    assertEquals(Outer.Inner.class.getName(), dump.logger());
  }

  @Test
  void failingBeforeAll_writesOneDumpForTheClass() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(FailingBeforeAll.class);

    Event failed = results.containerEvents().failed().list().get(0);
    Dump dump = onlyDump(run);
    assertEquals(failed.getTestDescriptor().getUniqueId().toString(), dump.attributes().get("test.uniqueId"));
    assertEquals("beforeAll", dump.attributes().get("test.phase"));
  }

  @Test
  void failingInvocations_writeOneDumpEach() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(FailingInvocations.class);

    assertEquals(3, results.testEvents().failed().count());
    List<DumpSummary> dumps = run.dumps();
    assertEquals(3, dumps.size(), "dumps: " + dumps);
    Set<String> testIds = dumps.stream().map(summary -> testId(summary.id())).collect(Collectors.toSet());
    assertEquals(3, testIds.size(), "test IDs: " + testIds);
  }

  @Test
  void passingTest_writesNoDump() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(PassingTest.class);

    assertEquals(1, results.testEvents().succeeded().count());
    assertEquals(List.of(), run.dumps());
    assertEquals(List.of(), FixtureRun.reportedDumpIds(results));
    assertDirectoryEmpty();
  }

  @Test
  void abortedTest_writesNoDump() throws IOException {
    FixtureRun run = new FixtureRun(directory);
    EngineExecutionResults results = run.run(AbortedTest.class);

    assertEquals(1, results.testEvents().aborted().count());
    assertEquals(List.of(), run.dumps());
  }

  @Test
  void disabledExtension_writesNoDump() throws IOException {
    FixtureRun run = new FixtureRun(directory).with(ExtensionConfiguration.ENABLED, "false");
    EngineExecutionResults results = run.run(FailingTest.class);

    assertEquals(1, results.testEvents().failed().count());
    assertEquals(List.of(), run.dumps());
    assertDirectoryEmpty();
    assertEquals(List.of(), FixtureRun.reportedDumpIds(results));
  }

  @Test
  void autodetection_registersExtensionWithoutExtendWith() throws IOException {
    FixtureRun run =
        new FixtureRun(directory).with("junit.jupiter.extensions.autodetection.enabled", "true");
    EngineExecutionResults results = run.run(FailingWithoutExtendWith.class);

    Dump dump = onlyDump(run);
    assertEquals(List.of(dump.id()), FixtureRun.reportedDumpIds(results));
  }

  @Test
  void failingTest_rethrowsTheSameThrowable() {
    EngineExecutionResults results = new FixtureRun(directory).run(FailingWithThrowable.class);

    assertSame(FailingWithThrowable.THROWN, FixtureRun.failure(results.testEvents().failed().list().get(0)));
  }

  /** Nothing failed, so the store was never even opened. */
  private void assertDirectoryEmpty() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private String testId(String dumpId) {
    try {
      return OfflineDebug.open(directory).load(dumpId).attributes().get("test.uniqueId");
    } catch (IOException e) {
      throw new AssertionError("cannot load dump " + dumpId, e);
    }
  }

  private Dump onlyDump(FixtureRun run) throws IOException {
    List<DumpSummary> dumps = run.dumps();
    assertEquals(1, dumps.size(), "dumps: " + dumps);
    return OfflineDebug.open(directory).load(dumps.get(0).id());
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingTest {
    @Test
    void fails() {
      int expected = 1;
      assertEquals(expected, expected + 1, "counted");
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingBeforeEach {
    @BeforeEach
    void setUp() {
      throw new IllegalStateException("set-up failed");
    }

    @Test
    void test() {}
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingAfterEach {
    @Test
    void test() {}

    @AfterEach
    void tearDown() {
      throw new IllegalStateException("tear-down failed");
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingTestAndAfterEach {
    @Test
    void test() {
      throw new IllegalStateException("test failed");
    }

    @AfterEach
    void tearDown() {
      throw new IllegalStateException("tear-down failed");
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class Outer {
    @Nested
    @ExtendWith(OfflineDebugExtension.class)
    class Inner {
      @Test
      void fails() {
        throw new IllegalStateException("nested");
      }
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingBeforeAll {
    @BeforeAll
    static void setUpClass() {
      throw new IllegalStateException("class set-up failed");
    }

    @Test
    void test() {}
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingInvocations {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void fails(int value) {
      assertNotEquals(value, value, "always equal");
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class PassingTest {
    @Test
    void passes() {
      assertEquals(2, 1 + 1);
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class AbortedTest {
    @Test
    void aborts() {
      assumeTrue(false, "not here");
    }
  }

  @Fixture
  static class FailingWithoutExtendWith {
    @Test
    void fails() {
      throw new IllegalArgumentException("auto-detected");
    }
  }

  @Fixture
  @ExtendWith(OfflineDebugExtension.class)
  static class FailingWithThrowable {
    static final IllegalStateException THROWN = new IllegalStateException("the very same");

    @Test
    void fails() {
      throw THROWN;
    }
  }
}
