package dev.offlinedebug.benchmarks;

import dev.offlinedebug.agent.GrowthReport;

/**
 * The agent's {@link GrowthReport} over the libraries of {@link AgentStartupBenchmark}. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.offlinedebug.benchmarks.AgentGrowthReport}.
 */
public final class AgentGrowthReport {
  private AgentGrowthReport() {}

  public static void main(String[] args) throws Exception {
    GrowthReport.print(AgentStartupBenchmark.libraryJars(), System.out);
  }
}
