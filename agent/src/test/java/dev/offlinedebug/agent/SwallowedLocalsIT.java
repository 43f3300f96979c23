package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locals the agent records for an exception that is never logged must not keep memory the
 * program needs once the exception is gone, even when the thread that recorded them idles: a
 * 150 MB local of a swallowed exception on a pool thread, then a second 150 MB buffer in a 256 MB
 * heap.
 */
class SwallowedLocalsIT {
  @TempDir Path work;

  @Test
  void agent_swallowedExceptionsLargeLocalOnIdlePoolThread_collected() throws Exception {
    ChildJvm.Result result = ChildJvm.runRaw("include=fixture.*;verbose=true",
        List.of("-Xmx256m", "-cp", ChildJvm.applicationClassPath(), "fixture.agent.SwallowedLarge",
            Integer.toString(150 << 20)), work);

    assertTrue(result.stderr().contains("failures=0"), result.stderr());
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    assertEquals("collected=true\nallocated=true\n", result.stdout(), result.stderr());
  }
}
