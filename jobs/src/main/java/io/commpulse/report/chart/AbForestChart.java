package io.commpulse.report.chart;

import io.commpulse.experiments.AbResultRow;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.AbResults;
import io.commpulse.report.model.MonthData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jfree.chart.plot.XYPlot;

/**
 * Forest plot of every comparison: relative lift against control with its 95% interval. Comparisons
 * of an experiment that failed its sample-ratio check are drawn hollow and grey and labelled, since
 * none of its figures can be trusted.
 */
public final class AbForestChart {
  static final String ID = "08-ab-forest";

  private AbForestChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<AbResultRow> comparisons =
        data.ab().comparisons().stream().filter(c -> c.relativeLift() != null).toList();
    if (comparisons.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> variantsPerExperiment =
        comparisons.stream()
            .collect(
                Collectors.groupingBy(
                    AbResultRow::experimentId,
                    Collectors.mapping(
                        AbResultRow::variant,
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    IntervalDotPlot.Kind valid =
        new IntervalDotPlot.Kind(
            m.text(Message.LEGEND_VALID), Palette.BLUE, Palette.circle(9), true);
    IntervalDotPlot.Kind invalid =
        new IntervalDotPlot.Kind(
            m.text(Message.LEGEND_INVALID), Palette.GREY, Palette.circle(9), false);
    List<IntervalDotPlot.Row> rows =
        comparisons.stream()
            .map(
                c -> {
                  String label =
                      c.experimentId() + " · " + m.name(Vocabulary.AB_METRIC, c.metric());
                  if (variantsPerExperiment.get(c.experimentId()) > 1) {
                    label += " · " + m.name(Vocabulary.CHANNEL, c.variant());
                  }
                  if (AbResults.srmInvalid(c)) {
                    label += " " + m.text(Message.SRM_MARK);
                  }
                  String value =
                      m.fmt().signedShare(c.relativeLift())
                          + " · "
                          + m.name(Vocabulary.AB_DECISION, c.decision());
                  return new IntervalDotPlot.Row(
                      m.use(Axes.fit(style.tickFont(), label, 250)),
                      AbResults.srmInvalid(c) ? invalid : valid,
                      c.relativeLift() * 100,
                      Axes.scaled(c.relativeCiLower(), "share"),
                      Axes.scaled(c.relativeCiUpper(), "share"),
                      m.use(value));
                })
            .toList();
    List<IntervalDotPlot.Reference> refs =
        List.of(new IntervalDotPlot.Reference(0, m.text(Message.MARKER_NO_EFFECT)));
    XYPlot plot =
        IntervalDotPlot.plot(
            style,
            rows,
            m.text(Message.AXIS_LIFT),
            Axes.format("+0;-0"),
            refs,
            IntervalDotPlot.bounds(rows, refs, 0.08, null, null));
    long winners = comparisons.stream().filter(AbResults::winner).count();
    String title = m.text(Message.CHART_AB_TITLE, winners, comparisons.size());
    return Optional.of(
        new Figure.Single(
            ID,
            title,
            style.chart(title, m.text(Message.CHART_AB_SUBTITLE), plot, true),
            Figure.rowsHeight(rows.size())));
  }
}
