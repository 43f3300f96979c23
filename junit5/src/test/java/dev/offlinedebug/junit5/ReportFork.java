package dev.offlinedebug.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The main class of a child JVM of {@link FailureReportTest}, standing in for a Surefire fork: runs
 * the given test classes through the Jupiter engine, in parallel, with the dump directory {@code
 * args[0]}, and prints how many tests failed.
 */
final class ReportFork {
  private ReportFork() {}

  public static void main(String[] args) throws ClassNotFoundException {
    ClassSelector[] classes = new ClassSelector[args.length - 1];
    for (int i = 1; i < args.length; i++) {
      classes[i - 1] = selectClass(Class.forName(args[i]));
    }
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of(
            ExtensionConfiguration.DIRECTORY, args[0],
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"))
        .selectors(classes)
        .execute();
    System.out.println("failed " + results.testEvents().failed().count() + " of "
        + Arrays.toString(Arrays.copyOfRange(args, 1, args.length)));
  }
}
