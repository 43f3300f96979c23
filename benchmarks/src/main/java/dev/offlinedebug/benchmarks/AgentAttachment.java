package dev.offlinedebug.benchmarks;

import com.sun.tools.attach.VirtualMachine;
import dev.offlinedebug.locals.UnwindRecorder;
import java.nio.file.Path;

/**
 * Attaches the offline-debug agent to the running benchmark JVM. The benchmarks jar is itself an
 * agent jar (its manifest names the agent class), so a fork with {@code @Param agent=true} runs the
 * same code as the fork without, only instrumented. Needs {@code -Djdk.attach.allowAttachSelf=true}.
 */
final class AgentAttachment {
  static final String ALLOW_SELF_ATTACH = "-Djdk.attach.allowAttachSelf=true";

  private AgentAttachment() {}

  static void attach(String options) throws Exception {
    Path jar = Path.of(AgentAttachment.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(jar.toString(), options);
    } finally {
      vm.detach();
    }
    if (!UnwindRecorder.agentActive()) {
      throw new IllegalStateException("the agent in " + jar + " did not start");
    }
  }

  /** The jars of real libraries the start-up benchmark and the growth report load. */
  static Path startupJars() throws Exception {
    Path jar = Path.of(AgentAttachment.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    return jar.resolveSibling("startup-jars");
  }
}
