package io.commpulse.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * Sample-ratio mismatch: Pearson's chi-square goodness of fit of the units observed per variant
 * against the configured split. With N units in total and weights w normalised to sum 1, the
 * expected count of variant v is E_v = N·w_v, and
 *
 * <pre>
 *   χ² = Σ (O_v − E_v)² / E_v,   df = k − 1,   p = P(χ²_df ≥ χ²)
 * </pre>
 *
 * equal to {@code scipy.stats.chisquare(observed, f_exp=N * w)}. A p-value below {@link #THRESHOLD}
 * means the assignment or the logging is broken and no comparison of that experiment can be
 * trusted.
 *
 * @param observed variant → units observed
 * @param expected variant → units expected under the configured split
 * @param chiSquare Pearson's χ² statistic
 * @param degreesOfFreedom k − 1
 * @param pValue upper-tail probability of χ²
 * @param mismatch whether pValue &lt; {@link #THRESHOLD}
 */
public record SrmCheck(
    Map<String, Long> observed,
    Map<String, Double> expected,
    double chiSquare,
    int degreesOfFreedom,
    double pValue,
    boolean mismatch) {

  public static final double THRESHOLD = 0.001;

  public SrmCheck {
    observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
    expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
  }

  /**
   * @param observedUnits variant → units observed; at least two variants
   * @param weights variant → configured share (any positive scale); exactly the observed variants
   */
  public static SrmCheck of(Map<String, Long> observedUnits, Map<String, Double> weights) {
    if (observedUnits.size() < 2) {
      throw new IllegalArgumentException(
          "sample-ratio check needs at least two variants, got " + observedUnits.keySet());
    }
    if (!weights.keySet().equals(observedUnits.keySet())) {
      throw new IllegalArgumentException(
          "weights name variants "
              + weights.keySet()
              + " but units were observed for "
              + observedUnits.keySet());
    }
    long total = 0;
    for (Map.Entry<String, Long> e : observedUnits.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(
            "units of variant " + e.getKey() + " must be >= 0, got " + e.getValue());
      }
      total += e.getValue();
    }
    if (total == 0) {
      throw new IllegalArgumentException("no units observed in any variant");
    }
    double weightSum = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "weight of variant " + e.getKey() + " must be > 0, got " + e.getValue());
      }
      weightSum += e.getValue();
    }
    Map<String, Double> expected = new LinkedHashMap<>();
    double chiSquare = 0;
    for (Map.Entry<String, Long> e : observedUnits.entrySet()) {
      double exp = total * weights.get(e.getKey()) / weightSum;
      expected.put(e.getKey(), exp);
      double d = e.getValue() - exp;
      chiSquare += d * d / exp;
    }
    int df = observedUnits.size() - 1;
    // Q(df/2, χ²/2) is the chi-square survival function that ChiSquaredDistribution's cdf
    // complements;
    // taking it directly keeps p-values like 1e-30 instead of rounding 1 − cdf to 0.
    double p = Gamma.regularizedGammaQ(df / 2.0, chiSquare / 2);
    return new SrmCheck(observedUnits, expected, chiSquare, df, p, p < THRESHOLD);
  }
}
