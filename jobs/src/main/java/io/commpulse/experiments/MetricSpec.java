package io.commpulse.experiments;

import java.util.Locale;
import java.util.Objects;

/**
 * One metric of an experiment.
 *
 * @param name metric name, the key of its samples
 * @param kind measurement scale
 * @param better which direction counts as an improvement (hours to acknowledge: {@link
 *     Better#LOWER})
 */
public record MetricSpec(String name, MetricKind kind, Better better) {

  public enum Better {
    HIGHER,
    LOWER;

    /** +1 when a higher value is better, −1 when a lower one is. */
    int sign() {
      return this == HIGHER ? 1 : -1;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public MetricSpec {
    Objects.requireNonNull(name, "metric name");
    Objects.requireNonNull(kind, "metric kind");
    Objects.requireNonNull(better, "metric direction");
    if (name.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
  }

  /** A metric where higher values are better. */
  public MetricSpec(String name, MetricKind kind) {
    this(name, kind, Better.HIGHER);
  }
}
