package io.commpulse.report.i18n;

import java.time.YearMonth;
import java.util.Locale;

/**
 * How figures are written in the report. One place, so that the same value reads the same in the
 * summary, the tables, the charts and the tests that look for it: shares as percentages with one
 * decimal, hours with one decimal, Likert means with two.
 */
public record Formats(Language language) {
  /** Shown where a figure is missing (no data, not computable). */
  public static final String MISSING = "–";

  private static final String RANGE = "–";

  public String share(Double share) {
    return share == null ? MISSING : fixed(share * 100, 1) + "%";
  }

  /** A relative change with its sign, e.g. "+12.3%". */
  public String signedShare(Double share) {
    if (share == null) {
      return MISSING;
    }
    String digits = fixed(share * 100, 1);
    boolean zero = digits.matches("0\\.0+");
    return (share > 0 && !zero ? "+" : "") + digits + "%";
  }

  public String hours(Double hours) {
    return hours == null ? MISSING : fixed(hours, 1) + hourUnit();
  }

  public String days(Double days) {
    return days == null ? MISSING : fixed(days, 1) + (language == Language.ZH ? " 天" : " days");
  }

  public String likert(Double mean) {
    return mean == null ? MISSING : fixed(mean, 2);
  }

  public String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A value in a scorecard unit: share, hours, likert or count. */
  public String value(String unit, Double value) {
    if (value == null) {
      return MISSING;
    }
    return switch (unit) {
      case "share" -> share(value);
      case "hours" -> hours(value);
      case "likert" -> likert(value);
      case "count" -> count(Math.round(value));
      default -> fixed(value, 2);
    };
  }

  /** A target as people say it: "95%", "5%", "24 h" (no trailing ".0"). */
  public String target(String unit, Double value) {
    if (value == null) {
      return MISSING;
    }
    return switch (unit) {
      case "share" -> compact(value * 100) + "%";
      case "hours" -> compact(value) + hourUnit();
      default -> value(unit, value);
    };
  }

  /**
   * A 95% interval in the unit of its value, the unit written once: "92.4–93.8%", "18.2–22.4 h".
   */
  public String interval(String unit, Double low, Double high) {
    if (low == null || high == null) {
      return MISSING;
    }
    if (low < 0) {
      // "-25.0–-15.0%" misreads; a negative range is written out with the unit on both ends.
      String to = language == Language.ZH ? " 至 " : " to ";
      return value(unit, low) + to + value(unit, high);
    }
    return switch (unit) {
      case "share" -> fixed(low * 100, 1) + RANGE + fixed(high * 100, 1) + "%";
      case "hours" -> fixed(low, 1) + RANGE + fixed(high, 1) + hourUnit();
      case "likert" -> fixed(low, 2) + RANGE + fixed(high, 2);
      default -> fixed(low, 2) + RANGE + fixed(high, 2);
    };
  }

  public String month(YearMonth month) {
    return language == Language.ZH
        ? month.getYear() + "年" + month.getMonthValue() + "月"
        : month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
            + " "
            + month.getYear();
  }

  public String hourUnit() {
    return language == Language.ZH ? " 小时" : " h";
  }

  static String fixed(double value, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // "-0.0" reads as a change where there is none.
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  static String compact(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : fixed(rounded, 1);
  }
}
