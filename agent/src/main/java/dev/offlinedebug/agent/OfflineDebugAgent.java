package dev.offlinedebug.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point: {@code
 * -javaagent:offline-debug-agent.jar=include=com.acme.*;exclude=com.acme.gen.*}. It only hands
 * off, so that nothing here loads classes the agent has not yet arranged to load.
 *
 * @since 0.1
 */
public final class OfflineDebugAgent {
  private OfflineDebugAgent() {}

  /** Called by the JVM before {@code main} when started with {@code -javaagent}. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    AgentStartup.start(arguments, instrumentation);
  }

  /** Called by the JVM when the agent is attached to a running process. */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    AgentStartup.start(arguments, instrumentation);
  }
}
