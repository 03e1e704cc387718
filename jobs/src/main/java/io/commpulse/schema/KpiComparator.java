package io.commpulse.schema;

/** How a KPI's actual value must relate to its target, as written in {@code schemas/kpis.json}. */
public enum KpiComparator {
  BELOW("<"),
  AT_MOST("<="),
  AT_LEAST(">="),
  TREND_UP("trend_up"),
  INFO("info");

  private final String symbol;

  KpiComparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public static KpiComparator of(String symbol) {
    for (KpiComparator c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    throw new SchemaException(
        "unknown KPI comparator '" + symbol + "'; known: <, <=, >=, trend_up, info");
  }
}
