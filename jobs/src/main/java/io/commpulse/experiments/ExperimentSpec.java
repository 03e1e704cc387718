package io.commpulse.experiments;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an experiment is and how to judge it.
 *
 * @param experimentId identifier copied into every result row
 * @param controlVariant name of the control variant
 * @param weights variant → configured traffic share (any positive scale); empty means an equal
 *     split
 * @param metrics metrics in report order; names unique
 * @param minEffectOfInterest smallest relative effect worth detecting (0.05 = 5%), for the achieved
 *     power
 */
public record ExperimentSpec(
    String experimentId,
    String controlVariant,
    Map<String, Double> weights,
    List<MetricSpec> metrics,
    double minEffectOfInterest) {

  public static final double DEFAULT_MIN_EFFECT_OF_INTEREST = 0.05;

  public ExperimentSpec {
    Objects.requireNonNull(experimentId, "experiment id");
    Objects.requireNonNull(controlVariant, "control variant");
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("experiment " + experimentId + " has no metrics");
    }
    Set<String> names = new HashSet<>();
    for (MetricSpec m : metrics) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("metric " + m.name() + " is listed twice");
      }
    }
    if (!(minEffectOfInterest > 0) || !Double.isFinite(minEffectOfInterest)) {
      throw new IllegalArgumentException(
          "minimum effect of interest must be > 0, got " + minEffectOfInterest);
    }
  }

  /** Equal split and the default minimum effect of interest of 5%. */
  public ExperimentSpec(String experimentId, String controlVariant, List<MetricSpec> metrics) {
    this(experimentId, controlVariant, Map.of(), metrics, DEFAULT_MIN_EFFECT_OF_INTEREST);
  }

  /** The configured weights, or an equal split over {@code variants} when none are configured. */
  Map<String, Double> weightsFor(Set<String> variants) {
    if (!weights.isEmpty()) {
      return weights;
    }
    Map<String, Double> equal = new LinkedHashMap<>();
    for (String v : variants) {
      equal.put(v, 1.0);
    }
    return equal;
  }
}
