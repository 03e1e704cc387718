package io.commpulse.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the analysis needs about one experiment, as collected from Spark: the sufficient
 * statistics of each metric per variant and what was excluded on the way.
 *
 * @param experimentId experiment identifier
 * @param unitsPerVariant variant → units analysed (after exclusions), by variant name
 * @param splitWeights variant → configured traffic share, for the variants whose records all state
 *     the same one
 * @param samples metric name → variant → sample
 * @param exclusions records and units left out
 * @param caps metric name → the value it was winsorised at, for winsorised metrics with data
 * @param unreadable column (metric or covariate) → values that could not be read as its kind
 */
public record ExperimentSummary(
    String experimentId,
    SortedMap<String, Long> unitsPerVariant,
    Map<String, Double> splitWeights,
    Map<String, Map<String, MetricSample>> samples,
    Exclusions exclusions,
    Map<String, Double> caps,
    Map<String, UnreadableValues> unreadable) {

  public ExperimentSummary {
    unitsPerVariant = Collections.unmodifiableSortedMap(new TreeMap<>(unitsPerVariant));
    splitWeights = Collections.unmodifiableMap(new LinkedHashMap<>(splitWeights));
    Map<String, Map<String, MetricSample>> copy = new LinkedHashMap<>();
    samples.forEach(
        (metric, byVariant) ->
            copy.put(metric, Collections.unmodifiableMap(new TreeMap<>(byVariant))));
    samples = Collections.unmodifiableMap(copy);
    caps = Collections.unmodifiableMap(new LinkedHashMap<>(caps));
    unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
  }

  /**
   * The configured split when every analysed variant states one positive weight; empty otherwise,
   * and then the sample-ratio check assumes an equal split.
   */
  public Optional<Map<String, Double>> configuredSplit() {
    if (!splitWeights.keySet().containsAll(unitsPerVariant.keySet())) {
      return Optional.empty();
    }
    Map<String, Double> split = new LinkedHashMap<>();
    for (String v : unitsPerVariant.keySet()) {
      double w = splitWeights.get(v);
      if (!(w > 0) || !Double.isFinite(w)) {
        return Optional.empty();
      }
      split.put(v, w);
    }
    return Optional.of(split);
  }

  public boolean hasUnreadableValues() {
    return unreadable.values().stream().anyMatch(u -> u.count() > 0);
  }

  /** Why this experiment cannot be compared against {@code control}, or empty when it can. */
  public Optional<String> problemWith(String control) {
    if (unitsPerVariant.isEmpty()) {
      return Optional.of("experiment '" + experimentId + "' has no analysable units");
    }
    if (unitsPerVariant.size() < 2) {
      return Optional.of(
          "experiment '"
              + experimentId
              + "' has a single variant ('"
              + unitsPerVariant.firstKey()
              + "'); a comparison needs at least two");
    }
    if (!unitsPerVariant.containsKey(control)) {
      return Optional.of(
          "experiment '"
              + experimentId
              + "' has no control variant '"
              + control
              + "'; variants: "
              + String.join(", ", unitsPerVariant.keySet()));
    }
    return Optional.empty();
  }
}
