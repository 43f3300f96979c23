package dev.offlinedebug.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.offlinedebug.agent.UnwindOutput.Case;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent attached to a running JVM: {@code agentmain}, and retransformation of loaded classes. */
class LateAttachIT {
  @TempDir
  Path work;

  @Test
  void agentmain_retransformsClassesLoadedBefore() throws Exception {
    ChildJvm.Result result = ChildJvm.runRaw(null, List.of("-Djdk.attach.allowAttachSelf=true",
        "-cp", ChildJvm.applicationClassPath(), "fixture.agent.LateAttach",
        ChildJvm.agentJar().toString()), work);
    assertEquals(0, result.exitCode(), result.stderr());
    assertFalse(result.stderr().contains("attached after"), result.stderr());
    UnwindOutput output = UnwindOutput.parse(result.stdout());
    assertEquals("-1", output.info.get("before"));
    Case late = output.get("lateAttach");
    List<String> frames = late.frames.stream().map(f -> f.methodName() + " " + f.describe())
        .toList();
    assertEquals(List.of("fail [message:java.lang.String=\"bottom\"]", "recurse [n:int=0]",
        "recurse [n:int=1]"), frames, result.stderr());
  }
}
