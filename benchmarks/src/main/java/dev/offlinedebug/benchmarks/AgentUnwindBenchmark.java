package dev.offlinedebug.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An exception thrown through ten frames and caught: with the agent each frame records its locals
 * (goal: at most 2.0x the plain throw). Rate limiting is off so every throw is recorded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = AgentAttachment.ALLOW_SELF_ATTACH)
public class AgentUnwindBenchmark {
  @Param({"false", "true"})
  boolean agent;

  @Setup
  public void setUp() throws Exception {
    if (agent) {
      AgentAttachment.attach(AgentSubjects.OPTIONS);
    }
  }

  @Benchmark
  public Object throughTenFrames() {
    try {
      return AgentSubjects.descend(9, "label", 1);
    } catch (IllegalStateException e) {
      return e;
    }
  }
}
