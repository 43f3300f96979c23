package dev.offlinedebug.benchmarks;

/**
 * The code the agent benchmarks instrument (include={@value #INCLUDE}): a hot method, and a
 * recursion that throws from ten frames down.
 */
public final class AgentSubjects {
  static final String INCLUDE = "dev.offlinedebug.benchmarks.AgentSubjects";
  /** Recording is measured, not rate-limited away. */
  static final String OPTIONS = "include=" + INCLUDE + ";maxExceptionsPerSecond=1000000000";

  private AgentSubjects() {}

  /** A loop with locals and a call: small enough to be inlined into its caller. */
  public static int checksum(int[] data, int salt) {
    int sum = salt;
    for (int i = 0; i < data.length; i++) {
      int value = data[i];
      sum = 31 * sum + Integer.rotateLeft(value, i & 7);
    }
    return sum;
  }

  /** Recurses {@code depth} more times, then throws: {@code depth + 1} frames with locals. */
  public static long descend(int depth, String label, long accumulated) {
    long next = accumulated * 31 + depth;
    String tag = label;
    if (depth == 0) {
      throw new IllegalStateException(tag);
    }
    return descend(depth - 1, tag, next) + 1;
  }
}
