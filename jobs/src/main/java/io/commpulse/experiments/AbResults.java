package io.commpulse.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Judges one summarised experiment and lays its comparisons out as rows of {@code gold.ab_results}: the fields of
 * {@link Comparison#asSnakeCaseMap()} followed by the experiment-level figures (units analysed, split, sample-ratio
 * check, exclusions) and how the metric was prepared (CUPED covariate, winsorisation). The {@code ab-test}
 * command prints the same rows.
 */
public final class AbResults {

  /**
   * How to judge an experiment.
   *
   * @param controlVariant      name of the control variant
   * @param weights             variant → configured share; empty to use the split stated in the records, or an
   *                            equal split when they state none
   * @param minEffectOfInterest relative effect the achieved power refers to
   */
  public record Settings(String controlVariant, Map<String, Double> weights, double minEffectOfInterest) {
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
   * @throws IllegalArgumentException naming the problem when the experiment cannot be compared (no control, a
   *                                  single variant) or the weights name other variants than those observed
   */
  public static ExperimentResult analyse(ExperimentSummary summary, List<MetricColumn> metrics, Settings settings) {
    summary.problemWith(settings.controlVariant()).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    Map<String, Double> weights = settings.weights();
    if (!weights.isEmpty() && !weights.keySet().equals(summary.unitsPerVariant().keySet())) {
      throw new IllegalArgumentException("weights name the variants " + String.join(", ", weights.keySet())
          + " but experiment '" + summary.experimentId() + "' has the variants "
          + String.join(", ", summary.unitsPerVariant().keySet()));
    }
    if (weights.isEmpty()) {
      weights = summary.configuredSplit().orElse(Map.of());
    }
    ExperimentSpec spec = new ExperimentSpec(summary.experimentId(), settings.controlVariant(), weights,
        metrics.stream().map(MetricColumn::spec).toList(), settings.minEffectOfInterest());
    return ExperimentAnalysis.analyse(spec, summary.samples(), summary.unitsPerVariant());
  }

  /** One row per comparison, keyed by the column names of {@code gold.ab_results} (all but month), in order. */
  public static List<Map<String, Object>> rows(ExperimentSummary summary, List<MetricColumn> metrics,
      ExperimentResult result) {
    Map<String, MetricColumn> byName = new LinkedHashMap<>();
    metrics.forEach(m -> byName.put(m.name(), m));
    SrmCheck srm = result.srm();
    double expectedTotal = srm.expected().values().stream().mapToDouble(Double::doubleValue).sum();
    Exclusions ex = summary.exclusions();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Comparison c : result.comparisons()) {
      Map<String, Object> row = c.asSnakeCaseMap();
      row.put("control_assigned_units", srm.observed().get(c.controlVariant()));
      row.put("variant_assigned_units", srm.observed().get(c.variant()));
      row.put("control_split_weight", srm.expected().get(c.controlVariant()) / expectedTotal);
      row.put("variant_split_weight", srm.expected().get(c.variant()) / expectedTotal);
      row.put("srm_chi_square", srm.chiSquare());
      row.put("srm_degrees_of_freedom", (long) srm.degreesOfFreedom());
      row.put("srm_p_value", srm.pValue());
      row.put("srm_flag", srm.mismatch());
      row.put("incomplete_records_excluded", ex.incompleteRecords());
      row.put("inconsistent_records_excluded", ex.inconsistentRecords());
      row.put("duplicate_units", ex.duplicateUnits());
      row.put("duplicate_records_excluded", ex.duplicateRecords());
      row.put("multi_variant_units_excluded", ex.multiVariantUnits());
      MetricColumn m = byName.get(c.metric());
      row.put("cuped_covariate", m.covariate() == null ? null : m.covariate().name());
      row.put("winsorize_quantile", m.capQuantile());
      row.put("winsorize_cap", summary.caps().get(c.metric()));
      rows.add(row);
    }
    return rows;
  }
}
