package io.commpulse.report.chart;

import io.commpulse.coverage.CoverageRow;
import io.commpulse.metrics.Rollup;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.model.MonthData;
import io.commpulse.scorecard.KpiStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.plot.XYPlot;

/**
 * Company-wide coverage of each decision, weakest first, with its Wilson interval and the target
 * line.
 */
public final class CoverageChart {
  static final String ID = "04-coverage";

  private CoverageChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<CoverageRow> decisions =
        data.coverage().stream()
            .filter(c -> Rollup.ALL.equals(c.department()) && c.share() != null)
            .sorted(
                Comparator.comparingDouble(CoverageRow::share)
                    .thenComparing(CoverageRow::decisionId))
            .toList();
    if (decisions.isEmpty()) {
      return Optional.empty();
    }
    double target = decisions.get(0).target();
    String targetText = m.fmt().target("share", target);
    Map<KpiStatus, IntervalDotPlot.Kind> kinds = StatusKinds.kinds(m);
    List<IntervalDotPlot.Row> rows =
        decisions.stream()
            .map(
                c -> {
                  String title = m.language() == Language.ZH ? c.titleZh() : c.titleEn();
                  return new IntervalDotPlot.Row(
                      m.use(Axes.fit(style.tickFont(), title, 215)),
                      kinds.get(StatusKinds.stored(c.status())),
                      c.share() * 100,
                      Axes.scaled(c.ciLow(), "share"),
                      Axes.scaled(c.ciHigh(), "share"),
                      m.fmt().share(c.share()));
                })
            .toList();
    List<IntervalDotPlot.Reference> refs =
        List.of(
            new IntervalDotPlot.Reference(target * 100, m.text(Message.MARKER_TARGET, targetText)));
    XYPlot plot =
        IntervalDotPlot.plot(
            style,
            rows,
            m.text(Message.AXIS_SHARE_AWARE),
            Axes.format("0"),
            refs,
            IntervalDotPlot.bounds(rows, refs, 0.04, 0.0, 100.0));
    long reached = decisions.stream().filter(c -> c.share() >= target).count();
    String title = m.text(Message.CHART_COVERAGE_TITLE, reached, decisions.size(), targetText);
    return Optional.of(
        new Figure.Single(
            ID,
            title,
            style.chart(title, m.text(Message.CHART_COVERAGE_SUBTITLE), plot, true),
            Figure.rowsHeight(rows.size())));
  }
}
