package dev.offlinedebug.benchmarks;

/** What {@link CpuTimeReport} drives of the Log4j2 and Logback appender benchmarks, outside JMH. */
interface AppenderBenchmark {
  /** Sets the two JMH parameters, {@code setup} and {@code fileAppender}, before {@link #start}. */
  void configure(String setup, String fileAppender);

  void start() throws Exception;

  void stop() throws Exception;

  void logError();
}
