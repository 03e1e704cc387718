package io.commpulse.experiments;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm–Bonferroni step-down adjustment, controlling the family-wise error rate over m tests. With
 * the p-values sorted ascending, p_(1) ≤ … ≤ p_(m):
 *
 * <pre>
 *   adjusted p_(i) = min(1, max_{j ≤ i} (m − j + 1) · p_(j))
 * </pre>
 *
 * equal to {@code statsmodels.stats.multitest.multipletests(p, method='holm')[1]}. Tied p-values
 * receive the same adjusted value whatever order the sort puts them in, because of the running
 * maximum. NaN entries (tests that could not be run) are left out of the family and stay NaN.
 */
final class HolmCorrection {

  private HolmCorrection() {}

  static double[] adjust(double[] pValues) {
    Integer[] order = new Integer[pValues.length];
    int m = 0;
    for (int i = 0; i < pValues.length; i++) {
      if (!Double.isNaN(pValues[i])) {
        order[m++] = i;
      }
    }
    Integer[] tested = Arrays.copyOf(order, m);
    Arrays.sort(tested, Comparator.comparingDouble(i -> pValues[i]));
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    double runningMax = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = tested[rank];
      runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[i]));
      adjusted[i] = runningMax;
    }
    return adjusted;
  }
}
