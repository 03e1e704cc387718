package io.commpulse.experiments;

/**
 * Sufficient statistics of one metric in one variant. Every implementation holds a fixed number of
 * aggregates (or one count per ordinal level), never per-unit arrays, so a variant of ten million
 * units costs the same as one of ten.
 */
public sealed interface MetricSample
    permits BinarySample, ContinuousSample, OrdinalSample, CupedSample {

  /** Units with a value for this metric. */
  long n();

  MetricKind kind();
}
