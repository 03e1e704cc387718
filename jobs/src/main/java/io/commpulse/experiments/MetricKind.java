package io.commpulse.experiments;

/** Measurement scale of a metric; it decides which test compares two variants. */
public enum MetricKind {
  /** Yes/no per unit (converted, retained); compared with a two-proportion z-test. */
  BINARY,
  /** Real-valued per unit (hours to acknowledge, game rounds); compared with Welch's t-test. */
  CONTINUOUS,
  /** Ordered integer levels per unit (Likert 1..5); compared with the Mann–Whitney U test. */
  ORDINAL;

  /** Lower-case name used in JSON output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
