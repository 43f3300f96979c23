package dev.offlinedebug.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.offlinedebug.DumpSummary;
import dev.offlinedebug.OfflineDebug;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs {@link Fixture} classes through the Jupiter engine with a dump directory. */
final class FixtureRun {
  private final Path directory;
  private final Map<String, String> parameters = new HashMap<>();

  FixtureRun(Path directory) {
    this.directory = directory;
    parameters.put(Fixture.PARAMETER, "true");
    parameters.put(ExtensionConfiguration.DIRECTORY, directory.toString());
  }

  FixtureRun with(String parameter, String value) {
    parameters.put(parameter, value);
    return this;
  }

  EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(parameters)
        .selectors(selectClass(fixture))
        .execute();
  }

  /** Every dump in the directory, oldest first; empty when no dump store was ever created. */
  List<DumpSummary> dumps() throws IOException {
    return Files.exists(directory) ? OfflineDebug.open(directory).list() : List.of();
  }

  /** The dump IDs published as report entries, in publishing order. */
  static List<String> reportedDumpIds(EngineExecutionResults results) {
    return reportEntries(results, OfflineDebugExtension.REPORT_ENTRY_KEY);
  }

  /** The values of the report entries named {@code key}, in publishing order. */
  static List<String> reportEntries(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .filter(entry -> entry.containsKey(key))
        .map(entry -> entry.get(key))
        .toList();
  }

  /** The throwable that {@code event} (a finished event) failed with. */
  static Throwable failure(Event event) {
    if (event.getType() != EventType.FINISHED) {
      throw new IllegalArgumentException("not a finished event: " + event);
    }
    return event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
        .getThrowable()
        .orElseThrow(() -> new AssertionError("finished without a throwable: " + event));
  }
}
