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
 * A hot method on its normal path, with and without the agent's handlers (goal: no measurable
 * difference). {@code agent=true} and {@code false} run in separate forks of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = AgentAttachment.ALLOW_SELF_ATTACH)
public class AgentNormalPathBenchmark {
  @Param({"false", "true"})
  boolean agent;

  private final int[] data = new int[64];

  @Setup
  public void setUp() throws Exception {
    if (agent) {
      AgentAttachment.attach(AgentSubjects.OPTIONS);
    }
    for (int i = 0; i < data.length; i++) {
      data[i] = i * 7919;
    }
  }

  @Benchmark
  public int hotMethod() {
    return AgentSubjects.checksum(data, 17);
  }
}
