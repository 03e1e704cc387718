package io.commpulse.cli;

import io.commpulse.experiments.ExperimentResult;
import io.commpulse.experiments.ExperimentSummary;
import io.commpulse.experiments.SrmCheck;
import io.commpulse.text.TextTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code ab-test} result as a plain-text table for people; the JSON output carries every figure. */
final class AbTestReport {
  private static final List<String> HEADER = List.of("metric", "variant", "n control", "n variant", "control",
      "variant", "difference [95% CI]", "lift [95% CI]", "test", "p", "p Holm", "P(better)", "power", "MDE",
      "decision");

  private AbTestReport() {}

  static String table(ExperimentSummary summary, ExperimentResult result, List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    SrmCheck srm = result.srm();
    long total = srm.observed().values().stream().mapToLong(Long::longValue).sum();
    double expectedTotal = srm.expected().values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> perVariant = new ArrayList<>();
    List<String> split = new ArrayList<>();
    srm.observed().forEach((v, n) -> {
      perVariant.add(String.format(Locale.ROOT, "%s %,d", v, n));
      split.add(String.format(Locale.ROOT, "%s %.1f%%", v, 100 * srm.expected().get(v) / expectedTotal));
    });
    var ex = summary.exclusions();
    line(out, "%s: %,d units analysed (%s)", summary.experimentId(), total, String.join(", ", perVariant));
    line(out, "excluded: %s without unit or variant, %s, %s of %s recorded twice or more (first record kept),"
        + " %s in several variants", counted(ex.incompleteRecords(), "record"),
        counted(ex.inconsistentRecords(), "inconsistent record"), counted(ex.duplicateRecords(), "extra record"),
        counted(ex.duplicateUnits(), "unit"), counted(ex.multiVariantUnits(), "unit"));
    line(out, "sample ratio: chi2 = %.4f, df = %d, p = %s against %s: %s", srm.chiSquare(), srm.degreesOfFreedom(),
        p(srm.pValue()), String.join(", ", split),
        srm.mismatch() ? "MISMATCH (p < " + SrmCheck.THRESHOLD + "), no comparison can be trusted"
            : "ok (mismatch when p < " + SrmCheck.THRESHOLD + ")");
    out.append(System.lineSeparator());

    boolean[] numeric = new boolean[HEADER.size()];
    Arrays.fill(numeric, 2, 6, true);
    TextTable cells = new TextTable(HEADER, numeric);
    List<String> notes = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      cells.add(List.of(str(r, "metric") + ("lower".equals(r.get("better")) ? " (lower better)" : ""),
          str(r, "variant"), count(r, "control_units"), count(r, "variant_units"),
          sig(r.get("control_value")), sig(r.get("variant_value")),
          sig(r.get("absolute_difference")) + " [" + sig(r.get("absolute_ci_lower")) + ", "
              + sig(r.get("absolute_ci_upper")) + "]",
          signedPercent(r.get("relative_lift")) + " [" + signedPercent(r.get("relative_ci_lower")) + ", "
              + signedPercent(r.get("relative_ci_upper")) + "]",
          statistic(r), p(r.get("p_value")), p(r.get("p_value_holm")), percent(r.get("chance_to_beat_control")),
          percent(r.get("achieved_power")), percent(r.get("mde_relative")), str(r, "decision")));
      if (r.get("winsorize_cap") != null) {
        notes.add(String.format(Locale.ROOT, "%s winsorised at its %s quantile, %s", r.get("metric"),
            r.get("winsorize_quantile"), sig(r.get("winsorize_cap"))));
      }
      if (r.get("cuped_covariate") != null) {
        notes.add(String.format(Locale.ROOT, "%s CUPED-adjusted by %s: theta %s, variance reduced by %s",
            r.get("metric"), r.get("cuped_covariate"), sig(r.get("cuped_theta")), percent(r.get("variance_reduction"))));
      }
    }
    out.append(cells.plain(System.lineSeparator()));
    out.append(System.lineSeparator());
    notes.stream().distinct().forEach(n -> line(out, "note: %s", n));
    line(out, "power and MDE: for a %s relative effect and at 80%% power, alpha 0.05 two-sided; p Holm: adjusted over"
        + " all %d comparisons; P(better): chance to beat control", percent(rows.isEmpty() ? null
        : rows.get(0).get("min_effect_of_interest")), rows.size());
    return out.toString();
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }

  private static String counted(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static String str(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? "-" : v.toString();
  }

  private static String count(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? "-" : String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
  }

  /** Five significant digits, never in scientific notation. */
  static String sig(Object value) {
    if (value == null) {
      return "-";
    }
    double d = ((Number) value).doubleValue();
    if (d == 0) {
      return "0";
    }
    return new BigDecimal(d).round(new MathContext(5)).stripTrailingZeros().toPlainString();
  }

  static String p(Object value) {
    if (value == null) {
      return "-";
    }
    double d = ((Number) value).doubleValue();
    return d < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static String percent(Object value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ((Number) value).doubleValue());
  }

  private static String signedPercent(Object value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * ((Number) value).doubleValue());
  }

  private static String statistic(Map<String, Object> r) {
    String symbol = switch (str(r, "test")) {
      case "two_proportion_z_test" -> "z";
      case "mann_whitney_u" -> "U";
      default -> "t";
    };
    Object s = r.get("test_statistic");
    if (s == null) {
      return symbol + " -";
    }
    double d = ((Number) s).doubleValue();
    return symbol + " = " + ("U".equals(symbol) ? String.format(Locale.ROOT, "%.1f", d)
        : String.format(Locale.ROOT, "%.3f", d));
  }
}
