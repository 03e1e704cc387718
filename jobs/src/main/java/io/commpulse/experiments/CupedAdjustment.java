package io.commpulse.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CUPED (Deng, Xu, Kohavi, Walker 2013): the metric y is replaced by {@code y − θ(x − x̄)} where x
 * is the same unit's pre-experiment covariate. With
 *
 * <pre>
 *   θ = cov(y, x) / var(x)          estimated once over the units of all variants together
 *   x̄ = mean of x over all units
 * </pre>
 *
 * each variant's adjusted mean is {@code ȳ_v − θ(x̄_v − x̄)} and its adjusted sample variance is
 * {@code var_v(y) − 2θ cov_v(y, x) + θ² var_v(x)} (divisor n_v − 1). Because θ and x̄ are shared by
 * all variants and x is unaffected by the treatment, the difference of adjusted means stays
 * unbiased while its variance shrinks by the share {@code 1 − var_adj / var_y}; over all units that
 * share equals corr(y, x)².
 *
 * <p>When x is constant (var(x) = 0) or fewer than two units exist, θ is 0 and nothing changes.
 *
 * @param theta fitted θ
 * @param adjusted variant → adjusted metric, ready for Welch's t-test
 * @param varianceReduction variant → {@code 1 − var_adj / var_y} within that variant (NaN if var_y
 *     = 0 or n < 2)
 * @param pooledVarianceReduction {@code 1 − var_adj / var_y} over all units together
 */
public record CupedAdjustment(
    double theta,
    Map<String, ContinuousSample> adjusted,
    Map<String, Double> varianceReduction,
    double pooledVarianceReduction) {

  public CupedAdjustment {
    adjusted = Collections.unmodifiableMap(new LinkedHashMap<>(adjusted));
    varianceReduction = Collections.unmodifiableMap(new LinkedHashMap<>(varianceReduction));
  }

  public static CupedAdjustment fit(Map<String, CupedSample> byVariant) {
    CupedSample all = new CupedSample(0, 0, 0, 0, 0, 0);
    for (CupedSample s : byVariant.values()) {
      all = all.plus(s);
    }
    double theta = 0;
    double pooledReduction = 0;
    if (all.n() >= 2 && all.centredXX() > 0) {
      theta = all.centredXY() / all.centredXX();
      pooledReduction = reduction(all, theta);
    } else if (all.n() < 2) {
      pooledReduction = Double.NaN;
    }
    double grandMeanX = all.meanX();
    Map<String, ContinuousSample> adjusted = new LinkedHashMap<>();
    Map<String, Double> reductions = new LinkedHashMap<>();
    for (Map.Entry<String, CupedSample> e : byVariant.entrySet()) {
      CupedSample s = e.getValue();
      if (s.n() == 0) {
        adjusted.put(e.getKey(), new ContinuousSample(0, Double.NaN, Double.NaN));
        reductions.put(e.getKey(), Double.NaN);
        continue;
      }
      double mean = s.meanY() - theta * (s.meanX() - grandMeanX);
      double variance = s.n() < 2 ? Double.NaN : adjustedSquares(s, theta) / (s.n() - 1);
      adjusted.put(e.getKey(), new ContinuousSample(s.n(), mean, variance));
      reductions.put(e.getKey(), s.n() < 2 ? Double.NaN : reduction(s, theta));
    }
    return new CupedAdjustment(theta, adjusted, reductions, pooledReduction);
  }

  /** Σ((y − θx) − mean(y − θx))². */
  private static double adjustedSquares(CupedSample s, double theta) {
    return Math.max(0, s.centredYY() - 2 * theta * s.centredXY() + theta * theta * s.centredXX());
  }

  private static double reduction(CupedSample s, double theta) {
    double yy = s.centredYY();
    return yy == 0 ? Double.NaN : 1 - adjustedSquares(s, theta) / yy;
  }
}
