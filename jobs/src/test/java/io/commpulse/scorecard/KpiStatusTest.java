package io.commpulse.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.schema.KpiComparator;
import io.commpulse.stats.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** met / at_risk / missed from a KPI's 95% interval and its target; each row decided by hand. */
class KpiStatusTest {

  @ParameterizedTest(name = "{0} {1}: [{3}, {4}] -> {5}")
  @CsvSource({
    // comparator, target, actual, ci low, ci high, expected
    "BELOW,    0.05, 0.03,  0.01,  0.04,  met", // whole interval under 5%
    "BELOW,    0.05, 0.04,  0.02,  0.07,  at_risk", // straddles 5%
    "BELOW,    0.05, 0.03,  0.01,  0.05,  at_risk", // touches 5%: not strictly below
    "BELOW,    0.05, 0.07,  0.05,  0.09,  missed", // lower bound at 5%: not below
    "AT_MOST,  24,   22,    20,    24,    met", // <= 24 h holds for the whole interval
    "AT_MOST,  24,   25,    20,    30,    at_risk",
    "AT_MOST,  24,   27,    24,    30,    at_risk", // lower bound 24 still allowed
    "AT_MOST,  24,   27,    24.5,  30,    missed",
    "AT_LEAST, 0.95, 0.97,  0.95,  0.99,  met",
    "AT_LEAST, 0.95, 0.94,  0.90,  0.97,  at_risk",
    "AT_LEAST, 0.95, 0.90,  0.80,  0.94,  missed",
    "TREND_UP, 3.4,  3.6,   3.1,   4.1,   at_risk", // target = last month's value
    "TREND_UP, 3.0,  3.6,   3.1,   4.1,   met",
    "TREND_UP, 4.2,  3.6,   3.1,   4.1,   missed",
    "INFO,     0.5,  0.6,   0.3,   0.85,  no_target"
  })
  void judgedOnTheInterval(
      KpiComparator comparator,
      double target,
      double actual,
      double low,
      double high,
      String expected) {
    assertEquals(
        expected, KpiStatus.evaluate(comparator, target, actual, new Interval(low, high)).code());
  }

  @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
  @CsvSource({
    "BELOW,    0.05, 0.04, met",
    "BELOW,    0.05, 0.05, missed",
    "AT_MOST,  24,   24,   met",
    "AT_MOST,  24,   24.1, missed",
    "AT_LEAST, 0.95, 0.95, met",
    "AT_LEAST, 0.95, 0.94, missed"
  })
  void withoutAnIntervalThePointValueDecides(
      KpiComparator comparator, double target, double actual, String expected) {
    assertEquals(expected, KpiStatus.evaluate(comparator, target, actual, null).code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BELOW", "AT_MOST", "AT_LEAST", "TREND_UP", "INFO"})
  void noTargetOrNoValueIsNoTarget(KpiComparator comparator) {
    assertEquals(
        "no_target", KpiStatus.evaluate(comparator, null, 0.5, new Interval(0.4, 0.6)).code());
    assertEquals("no_target", KpiStatus.evaluate(comparator, 0.5, null, null).code());
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({"BELOW, <", "AT_MOST, <=", "AT_LEAST, >=", "TREND_UP, trend_up", "INFO, info"})
  void comparatorSymbolsMatchTheScorecardContract(KpiComparator comparator, String symbol) {
    assertEquals(symbol, comparator.symbol());
  }

  @Test
  void aTargetOnTheEdgeOfTheScaleIsJudgedOnThePointValue() {
    // Every comment answered: Wilson(50, 50) is about [0.929, 1.0], which never lies above 100%.
    assertEquals(
        KpiStatus.MET,
        KpiStatus.evaluate(KpiComparator.AT_LEAST, 1.0, 1.0, new Interval(0.929, 1.0)));
    assertEquals(
        KpiStatus.MISSED,
        KpiStatus.evaluate(KpiComparator.AT_LEAST, 1.0, 0.98, new Interval(0.9, 0.995)));
  }
}
