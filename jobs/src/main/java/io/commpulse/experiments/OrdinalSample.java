package io.commpulse.experiments;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An ordinal metric in one variant as a count per level, e.g. Likert answers 1..5. Levels are any
 * integers; only their order matters for the Mann–Whitney test, their values also for the reported
 * means.
 *
 * @param countsPerLevel level → number of units that answered it (levels absent from the map have
 *     count 0)
 */
public record OrdinalSample(SortedMap<Integer, Long> countsPerLevel) implements MetricSample {

  public OrdinalSample {
    TreeMap<Integer, Long> copy = new TreeMap<>();
    for (Map.Entry<Integer, Long> e : countsPerLevel.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException("levels must be non-null with counts >= 0, got " + e);
      }
      if (e.getValue() > 0) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    countsPerLevel = Collections.unmodifiableSortedMap(copy);
  }

  /** Counts raw answers. */
  public static OrdinalSample of(int... answers) {
    TreeMap<Integer, Long> counts = new TreeMap<>();
    for (int a : answers) {
      counts.merge(a, 1L, Long::sum);
    }
    return new OrdinalSample(counts);
  }

  @Override
  public long n() {
    long n = 0;
    for (long c : countsPerLevel.values()) {
      n += c;
    }
    return n;
  }

  @Override
  public MetricKind kind() {
    return MetricKind.ORDINAL;
  }

  /**
   * Units answering a level at or above {@code threshold}: top-2-box on a 1..5 scale is {@code
   * atLeast(4)}.
   */
  public BinarySample atLeast(int threshold) {
    long hits = 0;
    for (long c : countsPerLevel.tailMap(threshold).values()) {
      hits += c;
    }
    return new BinarySample(n(), hits);
  }

  /** Mean and sample variance of the levels, treating them as numbers. */
  public ContinuousSample asContinuous() {
    long n = n();
    if (n == 0) {
      return new ContinuousSample(0, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (Map.Entry<Integer, Long> e : countsPerLevel.entrySet()) {
      sum += (double) e.getKey() * e.getValue();
    }
    double mean = sum / n;
    if (n == 1) {
      return new ContinuousSample(1, mean, Double.NaN);
    }
    double squares = 0;
    for (Map.Entry<Integer, Long> e : countsPerLevel.entrySet()) {
      double d = e.getKey() - mean;
      squares += d * d * e.getValue();
    }
    return new ContinuousSample(n, mean, squares / (n - 1));
  }
}
