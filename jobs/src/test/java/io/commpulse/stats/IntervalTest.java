package io.commpulse.stats;

import static io.commpulse.testing.Approx.EXACT;
import static io.commpulse.testing.Approx.QUANTILE;
import static io.commpulse.testing.Approx.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected value below is printed by jobs/src/test/reference/gold_reference.py (section
 * "IntervalTest"): statsmodels proportion_confint(method='wilson'), scipy.stats.t.interval and
 * scipy.stats.binom.cdf.
 */
class IntervalTest {

  @ParameterizedTest(name = "wilson({0}, {1})")
  @CsvSource({
    // k, n, statsmodels low, statsmodels high
    "0, 10, 0.0, 0.27753279986288926",
    "3, 10, 0.10779126740630104, 0.6032218525388546",
    "10, 10, 0.7224672001371106, 1.0",
    "47, 50, 0.8378290831116182, 0.979385029651026",
    "1, 1, 0.2065493143772374, 1.0",
    "950, 1000, 0.9346861797557492, 0.9618697376072513",
    "5, 200, 0.01072471965176126, 0.05717834040664199"
  })
  void wilsonMatchesStatsmodels(long k, long n, double low, double high) {
    Interval ci = Interval.wilson(k, n);
    close(low, ci.low(), EXACT, "low");
    close(high, ci.high(), EXACT, "high");
    assertTrue(ci.low() >= 0 && ci.high() <= 1, "a share's interval stays within [0, 1]");
  }

  @Test
  void wilsonOfNoTrialsIsAbsent() {
    assertNull(Interval.wilson(0, 0));
  }

  @ParameterizedTest(name = "t interval n={0}")
  @CsvSource({
    // n, mean, sd, scipy t.interval(0.95, n-1, loc=mean, scale=sd/sqrt(n))
    "5, 3.4, 1.1401754250991378, 1.9842852230177281, 4.815714776982272",
    "2, 10.0, 4.0, -25.93857412837501, 45.93857412837501",
    "30, 21.625, 7.5, 18.824453974314252, 24.425546025685748"
  })
  void studentTMatchesScipy(long n, double mean, double sd, double low, double high) {
    Interval ci = Interval.studentT(n, mean, sd);
    close(low, ci.low(), QUANTILE, "low");
    close(high, ci.high(), QUANTILE, "high");
  }

  @Test
  void studentTNeedsTwoObservations() {
    assertNull(Interval.studentT(1, 3.0, 0.0));
    assertNull(Interval.studentT(0, 0.0, 0.0));
  }

  @ParameterizedTest(name = "P(X <= {0} | n={1}, p=0.95)")
  @CsvSource({
    // k, n, scipy binom.cdf(k, n, 0.95)
    "90, 100, 0.028188294163416307",
    "95, 100, 0.5640186993142888",
    "100, 100, 1.0",
    "18, 20, 0.2641604750561504",
    "0, 5, 3.125000000000014e-07"
  })
  void pBelowTargetIsTheExactBinomialLowerTail(long k, long n, double expected) {
    close(expected, Interval.pBelowTarget(k, n, 0.95), 1e-9, "p");
  }

  @Test
  void pBelowTargetOfNoTrialsIsNull() {
    assertNull(Interval.pBelowTarget(0, 0, 0.95));
  }

  /** Far in the tail, where 1 - (a number close to 1) has no significant digit left. */
  @ParameterizedTest(name = "P(X <= {0} | n={1}, p=0.95) to 12 significant digits")
  @CsvSource({"426, 490", "400, 490", "300, 490", "0, 100", "489, 490", "6, 8"})
  void pBelowTargetKeepsItsPrecisionFarInTheTail(long k, long n) {
    BigDecimal exact = exactLowerTail(k, n);
    double p = Interval.pBelowTarget(k, n, 0.95);
    BigDecimal relative =
        new BigDecimal(p).subtract(exact).abs().divide(exact, MathContext.DECIMAL64);
    assertTrue(
        relative.compareTo(new BigDecimal("1e-12")) < 0,
        "P(X <= " + k + ") = " + exact.round(new MathContext(15)) + ", computed " + p);
  }

  @Test
  void theTailAt400Of490IsAbout1point85eMinus26() {
    // The sum below, by hand to three digits; the old 1 - upper tail gave exactly 0 here.
    assertEquals(1.85e-26, Interval.pBelowTarget(400, 490, 0.95), 0.01e-26);
  }

  /** sum over i <= k of C(n, i) 19^i / 20^n, with exact integers. */
  private static BigDecimal exactLowerTail(long k, long n) {
    BigInteger sum = BigInteger.ZERO;
    BigInteger binomial = BigInteger.ONE;
    for (int i = 0; i <= k; i++) {
      if (i > 0) {
        binomial = binomial.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
      }
      sum = sum.add(binomial.multiply(BigInteger.valueOf(19).pow(i)));
    }
    return new BigDecimal(sum)
        .divide(new BigDecimal(BigInteger.valueOf(20).pow((int) n)), new MathContext(40));
  }

  @Test
  void containsIncludesItsBounds() {
    Interval ci = new Interval(0.2, 0.4);
    assertTrue(ci.contains(0.2));
    assertTrue(ci.contains(0.4));
    assertFalse(ci.contains(0.41));
    assertEquals(0.95, Interval.CONFIDENCE);
  }
}
