package io.commpulse.report.chart;

import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.Finding;
import io.commpulse.report.model.MonthData;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.scorecard.KpiStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * Small multiples, one per KPI with a target: the actual with its interval against the target line.
 */
public final class KpiTargetsChart {
  static final String ID = "01-kpi-targets";
  static final int PANEL_HEIGHT = 116;

  private KpiTargetsChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<KpiScorecardRow> kpis =
        data.scorecard().stream()
            .filter(
                k ->
                    KpiStatus.of(k.status()) != KpiStatus.NO_TARGET
                        && k.actual() != null
                        && k.target() != null)
            .toList();
    if (kpis.isEmpty()) {
      return Optional.empty();
    }
    List<JFreeChart> panels = new ArrayList<>();
    for (KpiScorecardRow kpi : kpis) {
      panels.add(panel(kpi, m, style));
    }
    long met = kpis.stream().filter(k -> KpiStatus.of(k.status()) == KpiStatus.MET).count();
    long missed = kpis.stream().filter(k -> KpiStatus.of(k.status()) == KpiStatus.MISSED).count();
    String title = m.text(Message.CHART_KPI_TARGETS_TITLE, met, kpis.size(), missed);
    return Optional.of(
        new Figure.Panels(
            ID,
            title,
            style.heading(title),
            style.subtitle(m.text(Message.CHART_KPI_TARGETS_SUBTITLE)),
            panels,
            2,
            PANEL_HEIGHT));
  }

  private static JFreeChart panel(KpiScorecardRow kpi, Messages m, ChartStyle style) {
    String unit = kpi.unit();
    KpiStatus kpiStatus = KpiStatus.of(kpi.status());
    String status = m.name(Vocabulary.STATUS, kpiStatus.code());
    IntervalDotPlot.Kind kind =
        new IntervalDotPlot.Kind(
            status, Palette.status(kpiStatus), Palette.statusShape(kpiStatus, 10), true);
    IntervalDotPlot.Row row =
        new IntervalDotPlot.Row(
            "",
            kind,
            Axes.scaled(kpi.actual(), unit),
            Axes.scaled(kpi.ciLow(), unit),
            Axes.scaled(kpi.ciHigh(), unit),
            null);
    boolean trend = "trend_up".equals(kpi.comparator());
    String targetLabel =
        trend
            ? m.text(Message.MARKER_PREVIOUS, m.fmt().value(unit, kpi.target()))
            : m.text(Message.MARKER_TARGET, Finding.KpiResult.targetPhrase(m.fmt(), kpi));
    List<IntervalDotPlot.Reference> refs =
        List.of(new IntervalDotPlot.Reference(Axes.scaled(kpi.target(), unit), targetLabel));
    boolean share = "share".equals(unit);
    double[] bounds =
        IntervalDotPlot.bounds(List.of(row), refs, 0.08, share ? 0.0 : null, share ? 100.0 : null);
    bounds = widenForLabel(bounds, refs.get(0).value());
    XYPlot plot =
        IntervalDotPlot.plot(style, List.of(row), null, tickFormat(unit, m), refs, bounds);
    plot.getDomainAxis().setVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = style.panel(m.name(Vocabulary.KPI, kpi.kpi()), plot, false);
    TextTitle value =
        style.subtitle(
            m.text(
                Message.PANEL_VALUE,
                m.fmt().value(unit, kpi.actual()),
                Palette.statusSymbol(kpiStatus) + " " + status));
    value.setFont(style.bold(10.5f));
    value.setPaint(Palette.INK);
    chart.addSubtitle(value);
    return chart;
  }

  /**
   * The target's label is drawn left of its line; keep the line off the left edge so the label
   * shows.
   */
  private static double[] widenForLabel(double[] bounds, double target) {
    double span = bounds[1] - bounds[0];
    double wanted = target - span * 0.3;
    return wanted < bounds[0] && bounds[0] > 0
        ? new double[] {Math.max(0, wanted), bounds[1]}
        : bounds;
  }

  /** Ticks carry the unit ("95%", "24 h"): small panels have no room for an axis label. */
  static java.text.NumberFormat tickFormat(String unit, Messages m) {
    return switch (unit) {
      case "share" -> Axes.format("0.#'%'");
      case "hours" -> Axes.format("0.#'" + m.use(m.fmt().hourUnit().strip()) + "'");
      case "likert" -> Axes.format("0.0#");
      default -> Axes.format("0.#");
    };
  }
}
