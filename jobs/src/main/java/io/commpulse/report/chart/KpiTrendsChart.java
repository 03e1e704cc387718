package io.commpulse.report.chart;

import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.MonthReader;
import io.commpulse.scorecard.KpiScorecardRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Small multiples, one per KPI: the monthly actual as a solid line, its target dashed, over up to
 * twelve months.
 */
public final class KpiTrendsChart {
  static final String ID = "02-kpi-trends";
  static final int PANEL_HEIGHT = 140;

  private KpiTrendsChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<String> kpis =
        data.history().stream()
            .filter(p -> p.actual() != null && !"count".equals(p.unit()))
            .map(KpiScorecardRow::kpi)
            .distinct()
            .sorted(Comparator.comparingInt(MonthReader::kpiOrder))
            .toList();
    if (kpis.isEmpty()) {
      return Optional.empty();
    }
    List<String> months =
        new ArrayList<>(
            new TreeSet<>(data.history().stream().map(KpiScorecardRow::month).toList()));
    List<JFreeChart> panels = new ArrayList<>();
    for (String kpi : kpis) {
      List<KpiScorecardRow> points =
          data.history().stream().filter(p -> p.kpi().equals(kpi)).toList();
      panels.add(panel(kpi, points, months, m, style));
    }
    String subtitle =
        m.text(Message.CHART_TRENDS_SUBTITLE, months.get(0), months.get(months.size() - 1));
    String title = title(data.scorecard(), m);
    return Optional.of(
        new Figure.Panels(
            ID, title, style.heading(title), style.subtitle(subtitle), panels, 3, PANEL_HEIGHT));
  }

  static String title(List<KpiScorecardRow> scorecard, Messages m) {
    int improved = 0;
    int worsened = 0;
    boolean anyPrevious = false;
    for (KpiScorecardRow k : scorecard) {
      if (k.trend() == null || "info".equals(k.comparator()) || "count".equals(k.unit())) {
        continue;
      }
      anyPrevious = true;
      boolean better = lowerIsBetter(k) ? "down".equals(k.trend()) : "up".equals(k.trend());
      boolean worse = lowerIsBetter(k) ? "up".equals(k.trend()) : "down".equals(k.trend());
      improved += better ? 1 : 0;
      worsened += worse ? 1 : 0;
    }
    if (!anyPrevious) {
      return m.text(Message.CHART_TRENDS_FIRST_TITLE);
    }
    return improved + worsened == 0
        ? m.text(Message.CHART_TRENDS_FLAT_TITLE)
        : m.text(Message.CHART_TRENDS_TITLE, improved, worsened);
  }

  /** Whether lower values are better (mis-transmission, response time). */
  private static boolean lowerIsBetter(KpiScorecardRow k) {
    return "<".equals(k.comparator()) || "<=".equals(k.comparator());
  }

  private static JFreeChart panel(
      String kpi, List<KpiScorecardRow> points, List<String> months, Messages m, ChartStyle style) {
    String unit = points.get(0).unit();
    String actual = m.text(Message.LEGEND_ACTUAL);
    String target = m.text(Message.LEGEND_TARGET);
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    boolean hasTarget = false;
    for (int i = 0; i < months.size(); i++) {
      String month = months.get(i);
      String tick = m.use(tick(month, i == 0));
      KpiScorecardRow p =
          points.stream().filter(x -> x.month().equals(month)).findFirst().orElse(null);
      dataset.addValue(p == null ? null : Axes.scaled(p.actual(), unit), actual, tick);
      boolean targeted = p != null && targeted(p);
      hasTarget |= targeted;
      dataset.addValue(targeted ? Axes.scaled(p.target(), unit) : null, target, tick);
    }
    CategoryAxis monthAxis = new CategoryAxis(null);
    monthAxis.setCategoryMargin(0.05);
    monthAxis.setLowerMargin(0.04);
    monthAxis.setUpperMargin(0.04);
    if (months.size() > 6) {
      monthAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis valueAxis = new NumberAxis(null);
    valueAxis.setAutoRangeIncludesZero(false);
    valueAxis.setNumberFormatOverride(KpiTargetsChart.tickFormat(unit, m));
    valueAxis.setAutoRangeMinimumSize(
        "share".equals(unit) ? 2.0 : "likert".equals(unit) ? 0.2 : 2.0);
    valueAxis.setLowerMargin(0.15);
    valueAxis.setUpperMargin(0.15);
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, Palette.BLUE);
    renderer.setSeriesStroke(0, Palette.DATA_STROKE);
    renderer.setSeriesShape(0, Palette.circle(7));
    renderer.setSeriesShapesVisible(0, true);
    renderer.setSeriesPaint(1, Palette.MUTED_INK);
    renderer.setSeriesStroke(1, Palette.TARGET_STROKE);
    renderer.setSeriesShapesVisible(1, false);
    renderer.setSeriesVisible(1, hasTarget);
    CategoryPlot plot = new CategoryPlot(dataset, monthAxis, valueAxis, renderer);
    // A target that never changed is a line across the whole panel, visible even with a single
    // month.
    List<Double> targets =
        points.stream()
            .filter(KpiTrendsChart::targeted)
            .map(KpiScorecardRow::target)
            .distinct()
            .toList();
    if (targets.size() == 1 && points.stream().allMatch(KpiTrendsChart::targeted)) {
      renderer.setSeriesVisible(1, false);
      plot.addRangeMarker(
          new ValueMarker(
              Axes.scaled(targets.get(0), unit), Palette.MUTED_INK, Palette.TARGET_STROKE),
          Layer.BACKGROUND);
      valueAxis.setRange(includeTarget(dataset, Axes.scaled(targets.get(0), unit)));
    }
    return style.panel(m.name(Vocabulary.KPI, kpi), plot, false, 10f);
  }

  static boolean targeted(KpiScorecardRow p) {
    return p.target() != null
        && ("<".equals(p.comparator())
            || "<=".equals(p.comparator())
            || ">=".equals(p.comparator()));
  }

  /** The value axis range of the actuals, widened to hold the target line, with a margin. */
  private static org.jfree.data.Range includeTarget(DefaultCategoryDataset dataset, double target) {
    double low = target;
    double high = target;
    for (int c = 0; c < dataset.getColumnCount(); c++) {
      Number v = dataset.getValue(0, c);
      if (v != null) {
        low = Math.min(low, v.doubleValue());
        high = Math.max(high, v.doubleValue());
      }
    }
    double margin = Math.max((high - low) * 0.15, Math.max(Math.abs(high) * 0.01, 1e-6));
    return new org.jfree.data.Range(low - margin, high + margin);
  }

  /**
   * Axis tick of a month: the year shown at the first month and every January, else the month
   * number only.
   */
  static String tick(String month, boolean first) {
    return first || month.endsWith("-01") ? month : month.substring(5);
  }
}
