package io.commpulse.scorecard;

import io.commpulse.stats.Interval;

/** Whether a KPI met its target, judged on its interval: "at risk" when the interval straddles the target. */
public enum KpiStatus {
  MET("met"), AT_RISK("at_risk"), MISSED("missed"), NO_TARGET("no_target");

  private final String code;

  KpiStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** How a KPI's actual value must relate to its target. */
  public enum Comparator {
    BELOW("<"), AT_MOST("<="), AT_LEAST(">="), TREND_UP("trend_up"), INFO("info");

    private final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * @param ci the actual's 95% interval, or null to judge on the point value alone
   */
  public static KpiStatus evaluate(Comparator comparator, Double target, Double actual, Interval ci) {
    if (comparator == Comparator.INFO || target == null || actual == null) {
      return NO_TARGET;
    }
    // A target on the edge of the scale (100% of comments answered) lies outside every proper interval;
    // only the point value can meet it.
    boolean edgeTarget = (comparator == Comparator.AT_LEAST && target >= 1.0) || (comparator == Comparator.AT_MOST && target <= 0.0);
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
