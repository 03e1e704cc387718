package io.commpulse.cli;

import io.commpulse.experiments.AbResultRow;
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

/**
 * The {@code ab-test} result as a plain-text table for people; the JSON output carries every
 * figure.
 */
final class AbTestReport {
  private static final List<String> HEADER =
      List.of(
          "metric",
          "variant",
          "n control",
          "n variant",
          "control",
          "variant",
          "difference [95% CI]",
          "lift [95% CI]",
          "test",
          "p",
          "p Holm",
          "P(better)",
          "power",
          "MDE",
          "decision");

  private AbTestReport() {}

  static String table(ExperimentSummary summary, ExperimentResult result, List<AbResultRow> rows) {
    StringBuilder out = new StringBuilder();
    SrmCheck srm = result.srm();
    long total = srm.observed().values().stream().mapToLong(Long::longValue).sum();
    double expectedTotal = srm.expected().values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> perVariant = new ArrayList<>();
    List<String> split = new ArrayList<>();
    srm.observed()
        .forEach(
            (v, n) -> {
              perVariant.add(String.format(Locale.ROOT, "%s %,d", v, n));
              split.add(
                  String.format(
                      Locale.ROOT, "%s %.1f%%", v, 100 * srm.expected().get(v) / expectedTotal));
            });
    var ex = summary.exclusions();
    line(
        out,
        "%s: %,d units analysed (%s)",
        summary.experimentId(),
        total,
        String.join(", ", perVariant));
    line(
        out,
        "excluded: %s without unit or variant, %s, %s of %s recorded twice or more (first record kept),"
            + " %s in several variants",
        counted(ex.incompleteRecords(), "record"),
        counted(ex.inconsistentRecords(), "inconsistent record"),
        counted(ex.duplicateRecords(), "extra record"),
        counted(ex.duplicateUnits(), "unit"),
        counted(ex.multiVariantUnits(), "unit"));
    line(
        out,
        "sample ratio: chi2 = %.4f, df = %d, p = %s against %s: %s",
        srm.chiSquare(),
        srm.degreesOfFreedom(),
        p(srm.pValue()),
        String.join(", ", split),
        srm.mismatch()
            ? "MISMATCH (p < " + SrmCheck.THRESHOLD + "), no comparison can be trusted"
            : "ok (mismatch when p < " + SrmCheck.THRESHOLD + ")");
    out.append(System.lineSeparator());

    boolean[] numeric = new boolean[HEADER.size()];
    Arrays.fill(numeric, 2, 6, true);
    TextTable cells = new TextTable(HEADER, numeric);
    List<String> notes = new ArrayList<>();
    for (AbResultRow r : rows) {
      cells.add(
          List.of(
              str(r.metric()) + ("lower".equals(r.better()) ? " (lower better)" : ""),
              str(r.variant()),
              count(r.controlUnits()),
              count(r.variantUnits()),
              sig(r.controlValue()),
              sig(r.variantValue()),
              sig(r.absoluteDifference())
                  + " ["
                  + sig(r.absoluteCiLower())
                  + ", "
                  + sig(r.absoluteCiUpper())
                  + "]",
              signedPercent(r.relativeLift())
                  + " ["
                  + signedPercent(r.relativeCiLower())
                  + ", "
                  + signedPercent(r.relativeCiUpper())
                  + "]",
              statistic(r),
              p(r.pValue()),
              p(r.pValueHolm()),
              percent(r.chanceToBeatControl()),
              percent(r.achievedPower()),
              percent(r.mdeRelative()),
              str(r.decision())));
      if (r.winsorizeCap() != null) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s winsorised at its %s quantile, %s",
                r.metric(),
                r.winsorizeQuantile(),
                sig(r.winsorizeCap())));
      }
      if (r.cupedCovariate() != null) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s CUPED-adjusted by %s: theta %s, variance reduced by %s",
                r.metric(),
                r.cupedCovariate(),
                sig(r.cupedTheta()),
                percent(r.varianceReduction())));
      }
    }
    out.append(cells.plain(System.lineSeparator()));
    out.append(System.lineSeparator());
    notes.stream().distinct().forEach(n -> line(out, "note: %s", n));
    line(
        out,
        "power and MDE: for a %s relative effect and at 80%% power, alpha 0.05 two-sided; p Holm: adjusted over"
            + " all %d comparisons; P(better): chance to beat control",
        percent(rows.isEmpty() ? null : rows.get(0).minEffectOfInterest()),
        rows.size());
    return out.toString();
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }

  private static String counted(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static String str(String v) {
    return v == null ? "-" : v;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
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
    return value == null
        ? "-"
        : String.format(Locale.ROOT, "%.1f%%", 100 * ((Number) value).doubleValue());
  }

  private static String signedPercent(Object value) {
    return value == null
        ? "-"
        : String.format(Locale.ROOT, "%+.2f%%", 100 * ((Number) value).doubleValue());
  }

  private static String statistic(AbResultRow r) {
    String symbol =
        switch (str(r.test())) {
          case "two_proportion_z_test" -> "z";
          case "mann_whitney_u" -> "U";
          default -> "t";
        };
    Double d = r.testStatistic();
    if (d == null) {
      return symbol + " -";
    }
    return symbol
        + " = "
        + ("U".equals(symbol)
            ? String.format(Locale.ROOT, "%.1f", d)
            : String.format(Locale.ROOT, "%.3f", d));
  }
}
