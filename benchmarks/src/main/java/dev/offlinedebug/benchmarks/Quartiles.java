package dev.offlinedebug.benchmarks;

import java.util.Arrays;

/** The median and quartiles of a paired report's rounds. */
record Quartiles(double lower, double median, double upper) {
  static Quartiles of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Quartiles(sorted[sorted.length / 4], sorted[sorted.length / 2], sorted[3 * sorted.length / 4]);
  }

  static double median(double[] values) {
    return of(values).median;
  }

  @Override
  public String toString() {
    return String.format("%5.2f (quartiles %.2f-%.2f)", median, lower, upper);
  }
}
