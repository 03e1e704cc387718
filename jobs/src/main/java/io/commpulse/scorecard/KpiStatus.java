package io.commpulse.scorecard;

import io.commpulse.schema.KpiComparator;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.stats.Interval;

/**
 * Whether a KPI met its target, judged on its interval: "at risk" when the interval straddles the
 * target.
 */
public enum KpiStatus {
  MET("met"),
  AT_RISK("at_risk"),
  MISSED("missed"),
  NO_TARGET("no_target");

  private final String code;

  KpiStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The status of a stored code. */
  public static KpiStatus of(String code) {
    for (KpiStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown KPI status '" + code + "'");
  }

  /**
   * The stored status of a row judged against a fixed-target KPI of the registry: null without an
   * actual.
   */
  public static String codeFor(KpiRegistry.Kpi kpi, Double actual, Interval ci) {
    return actual == null ? null : evaluate(kpi.comparator(), kpi.target(), actual, ci).code();
  }

  /**
   * @param ci the actual's 95% interval, or null to judge on the point value alone
   */
  public static KpiStatus evaluate(
      KpiComparator comparator, Double target, Double actual, Interval ci) {
    if (comparator == KpiComparator.INFO || target == null || actual == null) {
      return NO_TARGET;
    }
    // A target on the edge of the scale (100% of comments answered) lies outside every proper
    // interval;
    // only the point value can meet it.
    boolean edgeTarget =
        (comparator == KpiComparator.AT_LEAST && target >= 1.0)
            || (comparator == KpiComparator.AT_MOST && target <= 0.0);
    double low = ci == null || edgeTarget ? actual : ci.low();
    double high = ci == null || edgeTarget ? actual : ci.high();
    return switch (comparator) {
      case BELOW -> high < target ? MET : low >= target ? MISSED : AT_RISK;
      case AT_MOST -> high <= target ? MET : low > target ? MISSED : AT_RISK;
      case AT_LEAST, TREND_UP -> low >= target ? MET : high < target ? MISSED : AT_RISK;
      case INFO -> NO_TARGET;
    };
  }
}
