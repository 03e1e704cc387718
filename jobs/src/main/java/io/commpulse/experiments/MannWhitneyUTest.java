package io.commpulse.experiments;

import java.util.Map;
import java.util.TreeSet;

/**
 * Mann–Whitney U test for an ordinal metric, computed from the counts per level without expanding
 * units.
 *
 * <p>All units of both groups are ranked together; the t units sharing a level all get that level's
 * midrank (units below it + (t + 1)/2). With R_v the variant's rank sum, n = n_v + n_c and T = Σ(t³
 * − t) over levels:
 *
 * <pre>
 *   U_v = R_v − n_v(n_v + 1)/2                  reported as the statistic
 *   μ   = n_v·n_c / 2
 *   σ   = √( n_v·n_c/12 · ((n + 1) − T / (n(n − 1))) )      tie-corrected
 *   z   = (max(U_v, n_v·n_c − U_v) − μ − 0.5) / σ           continuity-corrected
 *   p   = min(1, 2·(1 − Φ(z)))
 * </pre>
 *
 * This is the asymptotic (normal approximation) method with continuity correction, equal to {@code
 * scipy.stats.mannwhitneyu(variant, control, alternative='two-sided', method='asymptotic',
 * use_continuity=True)}; with thousands of tied Likert answers the exact distribution is neither
 * needed nor available. If every unit gave the same answer, σ = 0 and p = 1.
 *
 * <p>The reported values are mean levels with a Welch 95% interval on their difference, so that the
 * output reads like the other metric kinds; the decision's direction follows U_v − μ, the effect
 * the test measures.
 */
final class MannWhitneyUTest {

  static final String NAME = "mann_whitney_u";

  private MannWhitneyUTest() {}

  static TestOutcome run(OrdinalSample control, OrdinalSample variant) {
    Map<Integer, Long> c = control.countsPerLevel();
    Map<Integer, Long> v = variant.countsPerLevel();
    TreeSet<Integer> levels = new TreeSet<>(c.keySet());
    levels.addAll(v.keySet());

    double nV = variant.n();
    double nC = control.n();
    double n = nV + nC;
    double below = 0;
    double rankSumV = 0;
    double ties = 0;
    for (int level : levels) {
      double inV = v.getOrDefault(level, 0L);
      double t = inV + c.getOrDefault(level, 0L);
      rankSumV += inV * (below + (t + 1) / 2);
      ties += t * t * t - t;
      below += t;
    }
    double uV = rankSumV - nV * (nV + 1) / 2;
    double mu = nV * nC / 2;
    double sigma = Math.sqrt(nV * nC / 12 * ((n + 1) - ties / (n * (n - 1))));
    double p = 1;
    if (sigma > 0) {
      double z = (Math.max(uV, nV * nC - uV) - mu - 0.5) / sigma;
      // Upper tail through Φ(−z) keeps small p-values precise.
      p = Math.min(1, 2 * StandardNormal.cdf(-z));
    }

    TestOutcome means = WelchTTest.run(control.asContinuous(), variant.asContinuous());
    return new TestOutcome(
        NAME,
        means.controlValue(),
        means.variantValue(),
        means.controlValueVar(),
        means.variantValueVar(),
        means.ciLower(),
        means.ciUpper(),
        uV,
        Double.NaN,
        p,
        (int) Math.signum(uV - mu));
  }
}
