package io.commpulse.generate;

import java.util.List;
import java.util.SplittableRandom;

/** The random draws the sources share. */
final class Draws {
  private Draws() {}

  /** Log-normal with the given median: reply times are heavy-tailed. */
  static double logNormal(SplittableRandom rnd, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(rnd));
  }

  static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  static <T> T pick(SplittableRandom rnd, List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  /** An index drawn with the given probabilities (summing to 1). */
  static int weighted(SplittableRandom rnd, double[] weights) {
    double x = rnd.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
