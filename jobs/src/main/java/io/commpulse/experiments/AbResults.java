package io.commpulse.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Judges one summarised experiment and lays its comparisons out as rows of {@code gold.ab_results}
 * ({@link AbResultRow}). The {@code ab-test} command prints the same rows.
 */
public final class AbResults {

  /**
   * How to judge an experiment.
   *
   * @param controlVariant name of the control variant
   * @param weights variant → configured share; empty to use the split stated in the records, or an
   *     equal split when they state none
   * @param minEffectOfInterest relative effect the achieved power refers to
   */
  public record Settings(
      String controlVariant, Map<String, Double> weights, double minEffectOfInterest) {
    public Settings {
      Objects.requireNonNull(controlVariant, "control variant");
      weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    }

    public static Settings withControl(String controlVariant) {
      return new Settings(controlVariant, Map.of(), ExperimentSpec.DEFAULT_MIN_EFFECT_OF_INTEREST);
    }
  }

  private AbResults() {}

  /**
   * @throws IllegalArgumentException naming the problem when the experiment cannot be compared (no
   *     control, a single variant) or the weights name other variants than those observed
   */
  public static ExperimentResult analyse(
      ExperimentSummary summary, List<MetricColumn> metrics, Settings settings) {
    summary
        .problemWith(settings.controlVariant())
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    Map<String, Double> weights = settings.weights();
    if (!weights.isEmpty() && !weights.keySet().equals(summary.unitsPerVariant().keySet())) {
      throw new IllegalArgumentException(
          "weights name the variants "
              + String.join(", ", weights.keySet())
              + " but experiment '"
              + summary.experimentId()
              + "' has the variants "
              + String.join(", ", summary.unitsPerVariant().keySet()));
    }
    if (weights.isEmpty()) {
      weights = summary.configuredSplit().orElse(Map.of());
    }
    ExperimentSpec spec =
        new ExperimentSpec(
            summary.experimentId(),
            settings.controlVariant(),
            weights,
            metrics.stream().map(MetricColumn::spec).toList(),
            settings.minEffectOfInterest());
    return ExperimentAnalysis.analyse(spec, summary.samples(), summary.unitsPerVariant());
  }

  /**
   * One row per comparison.
   *
   * @param month the month of {@code gold.ab_results} the rows belong to; null outside that table
   */
  public static List<AbResultRow> rows(
      String month,
      ExperimentSummary summary,
      List<MetricColumn> metrics,
      ExperimentResult result) {
    Map<String, MetricColumn> byName = new LinkedHashMap<>();
    metrics.forEach(m -> byName.put(m.name(), m));
    SrmCheck srm = result.srm();
    double expectedTotal = srm.expected().values().stream().mapToDouble(Double::doubleValue).sum();
    Exclusions ex = summary.exclusions();
    List<AbResultRow> rows = new ArrayList<>();
    for (Comparison c : result.comparisons()) {
      MetricColumn m = byName.get(c.metric());
      rows.add(
          new AbResultRow(
              month,
              c.experimentId(),
              c.metric(),
              c.kind().label(),
              c.better().label(),
              c.controlVariant(),
              c.variant(),
              c.controlUnits(),
              c.variantUnits(),
              finite(c.controlValue()),
              finite(c.variantValue()),
              finite(c.absoluteDifference()),
              finite(c.absoluteCiLower()),
              finite(c.absoluteCiUpper()),
              finite(c.relativeLift()),
              finite(c.relativeCiLower()),
              finite(c.relativeCiUpper()),
              c.testName(),
              finite(c.testStatistic()),
              finite(c.degreesOfFreedom()),
              finite(c.pValue()),
              finite(c.pValueHolm()),
              finite(c.chanceToBeatControl()),
              finite(c.mdeAbsolute()),
              finite(c.mdeRelative()),
              finite(c.minEffectOfInterest()),
              finite(c.achievedPower()),
              finite(c.cupedTheta()),
              finite(c.varianceReduction()),
              c.decision() == null ? null : c.decision().label(),
              srm.observed().get(c.controlVariant()),
              srm.observed().get(c.variant()),
              srm.expected().get(c.controlVariant()) / expectedTotal,
              srm.expected().get(c.variant()) / expectedTotal,
              srm.chiSquare(),
              srm.degreesOfFreedom(),
              srm.pValue(),
              srm.mismatch(),
              ex.incompleteRecords(),
              ex.inconsistentRecords(),
              ex.duplicateUnits(),
              ex.duplicateRecords(),
              ex.multiVariantUnits(),
              m.covariate() == null ? null : m.covariate().name(),
              m.capQuantile(),
              summary.caps().get(c.metric())));
    }
    return rows;
  }

  /** NaN and infinite figures are stored as null (and so serialise to valid JSON). */
  static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
