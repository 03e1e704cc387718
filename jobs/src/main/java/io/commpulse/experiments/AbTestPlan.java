package io.commpulse.experiments;

import static org.apache.spark.sql.functions.lit;

import io.commpulse.errors.UserError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * What one {@code commpulse ab-test} run analyses, checked for consistency: the metrics with their
 * directions, CUPED covariates and winsorising quantiles of continuous metrics, the consistency
 * rules of records, the configured split and the effect the power refers to. Messages name the
 * command's options, since that is where the user fixes them.
 *
 * @param metrics the metrics, each once, with its direction
 * @param covariateOf metric → covariate column, continuous metrics only
 * @param capOf metric → winsorising quantile, continuous metrics only
 * @param expectations consistency rules; all rules of a variant must hold
 * @param weights configured split for the sample-ratio check (empty: equal split)
 * @param minEffect relative effect the achieved power refers to
 */
public record AbTestPlan(
    List<MetricSpec> metrics,
    Map<String, String> covariateOf,
    Map<String, Double> capOf,
    List<Expectation> expectations,
    Map<String, Double> weights,
    double minEffect) {

  /** {@code --better COL:lower|higher}. */
  public record Direction(String metric, MetricSpec.Better better) {}

  /** {@code --covariate [METRIC=]COL}: {@code metric} null adjusts every continuous metric. */
  public record Cuped(String metric, String covariate) {
    @Override
    public String toString() {
      return metric == null ? covariate : metric + "=" + covariate;
    }
  }

  /** {@code --winsorize COL:Q}, with the text as given for messages. */
  public record Cap(String metric, double quantile, String given) {}

  /**
   * {@code --expect VARIANT:COL=VALUE}: records of the variant must have the column equal to the
   * value.
   */
  public record Expectation(String variant, String column, String value) {}

  public AbTestPlan {
    metrics = List.copyOf(metrics);
    covariateOf = Collections.unmodifiableMap(new LinkedHashMap<>(covariateOf));
    capOf = Collections.unmodifiableMap(new LinkedHashMap<>(capOf));
    expectations = List.copyOf(expectations);
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** Checks the options against each other; a {@link UserError} names the first problem. */
  public static AbTestPlan of(
      List<MetricSpec> metrics,
      List<Direction> directions,
      List<Cuped> covariates,
      List<Cap> caps,
      List<Expectation> expectations,
      Map<String, Double> weights,
      double minEffect) {
    List<MetricSpec> specs = withDirections(metrics, directions);
    Map<String, String> covariateOf = covariates(specs, covariates);
    Map<String, Double> capOf = caps(specs, caps);
    if (!(minEffect > 0) || !Double.isFinite(minEffect)) {
      throw new UserError("--min-effect must be > 0, got " + minEffect);
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!(w.getValue() > 0) || !Double.isFinite(w.getValue())) {
        throw new UserError(
            "--weights: the weight of '" + w.getKey() + "' must be > 0, got " + w.getValue());
      }
    }
    return new AbTestPlan(specs, covariateOf, capOf, expectations, weights, minEffect);
  }

  private static List<MetricSpec> withDirections(
      List<MetricSpec> metrics, List<Direction> directions) {
    Map<String, MetricSpec.Better> direction = new LinkedHashMap<>();
    directions.forEach(d -> direction.put(d.metric(), d.better()));
    List<MetricSpec> specs = new ArrayList<>();
    for (MetricSpec m : metrics) {
      if (specs.stream().anyMatch(s -> s.name().equals(m.name()))) {
        throw new UserError("--metric " + m.name() + " is given twice");
      }
      specs.add(
          new MetricSpec(
              m.name(), m.kind(), direction.getOrDefault(m.name(), MetricSpec.Better.HIGHER)));
    }
    for (String name : direction.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new UserError("--better names '" + name + "', which is not a --metric");
      }
    }
    return specs;
  }

  private static Map<String, String> covariates(List<MetricSpec> specs, List<Cuped> covariates) {
    Map<String, String> of = new LinkedHashMap<>();
    for (Cuped c : covariates) {
      if (c.metric() == null) {
        List<MetricSpec> continuous =
            specs.stream().filter(s -> s.kind() == MetricKind.CONTINUOUS).toList();
        if (continuous.isEmpty()) {
          throw new UserError(
              "--covariate "
                  + c
                  + ": CUPED adjusts continuous metrics, and no --metric is continuous");
        }
        continuous.forEach(s -> of.put(s.name(), c.covariate()));
        continue;
      }
      MetricSpec s =
          specs.stream()
              .filter(x -> x.name().equals(c.metric()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserError(
                          "--covariate " + c + ": '" + c.metric() + "' is not a --metric"));
      if (s.kind() != MetricKind.CONTINUOUS) {
        throw new UserError(
            "--covariate "
                + c
                + ": CUPED adjusts continuous metrics, and '"
                + c.metric()
                + "' is "
                + s.kind().label());
      }
      of.put(c.metric(), c.covariate());
    }
    return of;
  }

  private static Map<String, Double> caps(List<MetricSpec> specs, List<Cap> caps) {
    Map<String, Double> of = new LinkedHashMap<>();
    for (Cap w : caps) {
      MetricSpec s =
          specs.stream()
              .filter(x -> x.name().equals(w.metric()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserError(
                          "--winsorize " + w.given() + ": '" + w.metric() + "' is not a --metric"));
      if (s.kind() != MetricKind.CONTINUOUS) {
        throw new UserError(
            "--winsorize "
                + w.given()
                + ": only continuous metrics are winsorised, '"
                + w.metric()
                + "' is "
                + s.kind().label());
      }
      of.put(w.metric(), w.quantile());
    }
    return of;
  }

  /** The columns every metric, covariate and rule reads, besides the unit and variant. */
  public List<String> columns() {
    List<String> needed = new ArrayList<>();
    metrics.forEach(s -> needed.add(s.name()));
    needed.addAll(covariateOf.values());
    expectations.forEach(r -> needed.add(r.column()));
    return needed;
  }

  /** The metrics read from text columns, with their covariates and caps. */
  public List<MetricColumn> metricColumns(Function<String, Column> column) {
    List<MetricColumn> out = new ArrayList<>();
    for (MetricSpec s : metrics) {
      MetricColumn m = TextMetricValues.metric(s, column.apply(s.name()));
      String cov = covariateOf.get(s.name());
      if (cov != null) {
        m = m.withCovariate(TextMetricValues.covariate(cov, column.apply(cov)));
      }
      if (capOf.containsKey(s.name())) {
        m = m.winsorisedAt(capOf.get(s.name()));
      }
      out.add(m);
    }
    return out;
  }

  /** True for a record that keeps every rule of its variant. */
  public Column consistency(Function<String, Column> column, String variantColumn) {
    Column ok = lit(true);
    for (Expectation r : expectations) {
      ok =
          ok.and(
              column
                  .apply(variantColumn)
                  .notEqual(r.variant())
                  .or(column.apply(r.column()).equalTo(r.value())));
    }
    return ok;
  }

  /**
   * Checks that the summary of {@code input} can be compared against {@code control}: every value
   * read, at least two variants left after exclusions, the control among them.
   */
  public void checkAnalysable(
      ExperimentSummary summary, String input, String variantColumn, String control) {
    rejectUnreadable(summary);
    if (summary.unitsPerVariant().isEmpty()) {
      throw new UserError("no unit of " + input + " can be analysed: " + exclusionsText(summary));
    }
    if (summary.unitsPerVariant().size() < 2) {
      throw new UserError(
          "column '"
              + variantColumn
              + "' holds a single variant ('"
              + summary.unitsPerVariant().firstKey()
              + "') after exclusions; an A/B test needs at least two");
    }
    if (!summary.unitsPerVariant().containsKey(control)) {
      throw new UserError(
          "control '"
              + control
              + "' is not a value of column '"
              + variantColumn
              + "'; its variants are: "
              + String.join(", ", summary.unitsPerVariant().keySet()));
    }
  }

  private void rejectUnreadable(ExperimentSummary summary) {
    List<String> problems = new ArrayList<>();
    summary
        .unreadable()
        .forEach(
            (name, bad) -> {
              if (bad.count() > 0) {
                MetricKind kind =
                    metrics.stream()
                        .filter(s -> s.name().equals(name))
                        .map(MetricSpec::kind)
                        .findFirst()
                        .orElse(MetricKind.CONTINUOUS);
                problems.add(unreadableText(name, kind, bad));
              }
            });
    if (!problems.isEmpty()) {
      throw new UserError(String.join("; ", problems));
    }
  }

  private static String unreadableText(String column, MetricKind kind, UnreadableValues bad) {
    String expected =
        switch (kind) {
          case BINARY -> "0/1 or true/false";
          case CONTINUOUS -> "numbers";
          case ORDINAL -> "whole numbers";
        };
    return String.format(
        Locale.ROOT,
        "column '%s' has %,d value%s that %s not %s, e.g. '%s'",
        column,
        bad.count(),
        bad.count() == 1 ? "" : "s",
        bad.count() == 1 ? "is" : "are",
        expected,
        bad.example());
  }

  private static String exclusionsText(ExperimentSummary summary) {
    var ex = summary.exclusions();
    return String.format(
        Locale.ROOT,
        "%,d records without unit or variant, %,d inconsistent records,"
            + " %,d units in several variants",
        ex.incompleteRecords(),
        ex.inconsistentRecords(),
        ex.multiVariantUnits());
  }
}
