package io.commpulse.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares every variant of an experiment with its control on every metric, from sufficient
 * statistics only.
 *
 * <p>Steps: the sample-ratio check on the units per variant; per metric, CUPED adjustment when its
 * samples carry a covariate ({@link CupedSample}); per metric × variant, the test of the metric's
 * kind, the relative lift, the chance to beat control and the power analysis; over all comparisons
 * of the experiment, the Holm–Bonferroni adjustment; finally the {@link Decision}.
 */
public final class ExperimentAnalysis {

  /** Significance level applied to Holm-adjusted p-values. */
  public static final double ALPHA = PowerAnalysis.ALPHA;

  private ExperimentAnalysis() {}

  /**
   * @param spec the experiment
   * @param samplesByMetricThenVariant metric name → variant → sample; every metric of the spec
   *     needs a sample for the control and every other variant in {@code unitsPerVariant}
   * @param unitsPerVariant variant → distinct units assigned, for the sample-ratio check
   * @throws IllegalArgumentException naming the problem when samples are missing or of the wrong
   *     kind
   */
  public static ExperimentResult analyse(
      ExperimentSpec spec,
      Map<String, Map<String, MetricSample>> samplesByMetricThenVariant,
      Map<String, Long> unitsPerVariant) {
    String control = spec.controlVariant();
    if (!unitsPerVariant.containsKey(control)) {
      throw new IllegalArgumentException(
          "control variant '"
              + control
              + "' has no units; variants seen: "
              + unitsPerVariant.keySet());
    }
    SrmCheck srm = SrmCheck.of(unitsPerVariant, spec.weightsFor(unitsPerVariant.keySet()));
    TreeSet<String> variants = new TreeSet<>(unitsPerVariant.keySet());
    variants.remove(control);

    List<Pending> raw = new ArrayList<>();
    for (MetricSpec metric : spec.metrics()) {
      Map<String, MetricSample> byVariant = samplesByMetricThenVariant.get(metric.name());
      if (byVariant == null) {
        throw new IllegalArgumentException("no samples for metric '" + metric.name() + "'");
      }
      for (String v : unitsPerVariant.keySet()) {
        MetricSample s = byVariant.get(v);
        if (s == null) {
          throw new IllegalArgumentException(
              "metric '" + metric.name() + "' has no sample for variant '" + v + "'");
        }
        if (s.kind() != metric.kind()) {
          throw new IllegalArgumentException(
              "metric '"
                  + metric.name()
                  + "' is "
                  + metric.kind().label()
                  + " but its sample for variant '"
                  + v
                  + "' is "
                  + s.kind().label());
        }
      }
      Prepared prepared = prepare(metric, byVariant, unitsPerVariant.keySet());
      for (String v : variants) {
        raw.add(compare(spec, metric, control, v, prepared));
      }
    }

    double[] p = new double[raw.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = raw.get(i).comparison().pValue();
    }
    double[] holm = HolmCorrection.adjust(p);
    List<Comparison> done = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Pending c = raw.get(i);
      done.add(c.comparison().withFamily(holm[i], decide(c, holm[i], srm)));
    }
    return new ExperimentResult(spec.experimentId(), srm, done);
  }

  /** A comparison awaiting the family step, with the sign of the effect its test measured. */
  private record Pending(Comparison comparison, int direction) {}

  /** A metric's samples ready for testing, after CUPED when it applies. */
  private record Prepared(
      Map<String, MetricSample> samples, String testName, double theta, double reduction) {}

  private static Prepared prepare(
      MetricSpec metric, Map<String, MetricSample> byVariant, Iterable<String> variants) {
    Map<String, CupedSample> cuped = new LinkedHashMap<>();
    int plain = 0;
    for (String v : variants) {
      if (byVariant.get(v) instanceof CupedSample c) {
        cuped.put(v, c);
      } else {
        plain++;
      }
    }
    if (cuped.isEmpty()) {
      return new Prepared(byVariant, testNameOf(metric.kind()), Double.NaN, Double.NaN);
    }
    if (plain > 0) {
      throw new IllegalArgumentException(
          "metric '" + metric.name() + "' has a covariate in some variants but not in others");
    }
    CupedAdjustment fit = CupedAdjustment.fit(cuped);
    return new Prepared(
        new LinkedHashMap<>(fit.adjusted()),
        WelchTTest.NAME + "_cuped",
        fit.theta(),
        fit.pooledVarianceReduction());
  }

  private static String testNameOf(MetricKind kind) {
    return switch (kind) {
      case BINARY -> TwoProportionZTest.NAME;
      case CONTINUOUS -> WelchTTest.NAME;
      case ORDINAL -> MannWhitneyUTest.NAME;
    };
  }

  private static Pending compare(
      ExperimentSpec spec,
      MetricSpec metric,
      String controlName,
      String variantName,
      Prepared prepared) {
    MetricSample control = prepared.samples().get(controlName);
    MetricSample variant = prepared.samples().get(variantName);
    double minEffect = spec.minEffectOfInterest();
    if (control.n() < 2 || variant.n() < 2) {
      double cv = valueOf(control);
      double vv = valueOf(variant);
      double nan = Double.NaN;
      return new Pending(
          new Comparison(
              spec.experimentId(),
              metric.name(),
              metric.kind(),
              metric.better(),
              controlName,
              variantName,
              control.n(),
              variant.n(),
              cv,
              vv,
              vv - cv,
              nan,
              nan,
              nan,
              nan,
              nan,
              prepared.testName(),
              nan,
              nan,
              nan,
              nan,
              nan,
              nan,
              nan,
              minEffect,
              nan,
              prepared.theta(),
              prepared.reduction(),
              null),
          0);
    }
    TestOutcome t = test(control, variant, prepared.testName());
    RelativeLift lift =
        RelativeLift.deltaMethod(
            t.controlValue(), t.controlValueVar(), t.variantValue(), t.variantValueVar());
    double se = t.standardError();
    PowerAnalysis power = PowerAnalysis.at(se, t.controlValue(), minEffect);
    return new Pending(
        new Comparison(
            spec.experimentId(),
            metric.name(),
            metric.kind(),
            metric.better(),
            controlName,
            variantName,
            control.n(),
            variant.n(),
            t.controlValue(),
            t.variantValue(),
            t.difference(),
            t.ciLower(),
            t.ciUpper(),
            lift.estimate(),
            lift.ciLower(),
            lift.ciUpper(),
            t.testName(),
            t.statistic(),
            t.degreesOfFreedom(),
            t.pValue(),
            Double.NaN,
            chanceToBeatControl(metric.better().sign() * t.difference(), se),
            power.mdeAbsolute(),
            power.mdeRelative(),
            minEffect,
            power.achievedPower(),
            prepared.theta(),
            prepared.reduction(),
            null),
        t.direction());
  }

  private static TestOutcome test(MetricSample control, MetricSample variant, String testName) {
    if (control instanceof BinarySample c && variant instanceof BinarySample v) {
      return TwoProportionZTest.run(c, v);
    }
    if (control instanceof ContinuousSample c && variant instanceof ContinuousSample v) {
      return WelchTTest.run(c, v, testName);
    }
    if (control instanceof OrdinalSample c && variant instanceof OrdinalSample v) {
      return MannWhitneyUTest.run(c, v);
    }
    throw new IllegalArgumentException(
        "cannot compare a "
            + control.getClass().getSimpleName()
            + " with a "
            + variant.getClass().getSimpleName());
  }

  private static double valueOf(MetricSample s) {
    if (s instanceof BinarySample b) {
      return b.rate();
    }
    if (s instanceof ContinuousSample c) {
      return c.mean();
    }
    if (s instanceof OrdinalSample o) {
      return o.asContinuous().mean();
    }
    return ((CupedSample) s).meanY();
  }

  /**
   * Posterior P(variant better than control) under a flat prior and a normal likelihood: the
   * difference in the better direction, divided by its unpooled standard error, through Φ. Without
   * any spread the answer is certain (1 or 0), or 0.5 for equal values.
   */
  static double chanceToBeatControl(double improvement, double standardError) {
    if (standardError == 0) {
      return improvement > 0 ? 1 : improvement < 0 ? 0 : 0.5;
    }
    return StandardNormal.cdf(improvement / standardError);
  }

  private static Decision decide(Pending pending, double holm, SrmCheck srm) {
    Comparison c = pending.comparison();
    if (srm.mismatch()) {
      return Decision.INVALID_SRM;
    }
    if (Double.isNaN(c.pValue())) {
      return Decision.INSUFFICIENT_DATA;
    }
    if (holm < ALPHA) {
      int improvement = pending.direction() * c.better().sign();
      if (improvement > 0) {
        return Decision.WINNER;
      }
      if (improvement < 0) {
        return Decision.LOSER;
      }
    }
    if (!(c.achievedPower() >= PowerAnalysis.TARGET_POWER)) {
      return Decision.INCONCLUSIVE_UNDERPOWERED;
    }
    return Decision.NO_SIGNIFICANT_DIFFERENCE;
  }
}
