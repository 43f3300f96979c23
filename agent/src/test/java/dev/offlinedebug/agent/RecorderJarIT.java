package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the agent puts its recorder's jar when the JVM's temporary directory cannot take it. */
class RecorderJarIT {
  @TempDir
  Path work;

  /** A container with a read-only root file system and nothing mounted on {@code /tmp}. */
  @Test
  void premain_temporaryDirectoryNotWritable_startsFromTheMemoryFileSystem() throws Exception {
    Path memory = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(memory) && Files.isWritable(memory), "no writable /dev/shm here");
    ChildJvm.Result result = ChildJvm.runRaw("include=fixture.*", List.of(
        "-Djava.io.tmpdir=" + work.resolve("missing"), "-cp", ChildJvm.applicationClassPath(),
        "fixture.agent.RecorderJar"), work);
    assertEquals(0, result.exitCode(), result.stderr());
    assertFalse(result.stderr().contains("offline-debug"), result.stderr());
    UnwindOutput output = UnwindOutput.parse(result.stdout());
    assertEquals("true", output.info.get("agentActive"));
    assertEquals(List.of("text:java.lang.String=\"n=3\"", "times:int=7"),
        output.get("basics").frames.get(0).describe().subList(1, 3));
  }
}
