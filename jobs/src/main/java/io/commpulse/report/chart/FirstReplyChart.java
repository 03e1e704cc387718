package io.commpulse.report.chart;

import io.commpulse.metrics.Rollup;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.tickets.ResponseSlaRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Hours to the first human reply to complaints, per channel: the bar runs from the median to the
 * 90th percentile, with the mean marked, against the 24 h line. The spread matters as much as the
 * mean: a channel can meet the mean target while one complaint in ten waits two days.
 */
public final class FirstReplyChart {
  static final String ID = "05-first-reply";
  static final String COMPLAINTS = "service_complaint";

  /** The scorecard row whose stored target the dashed line and the title use. */
  static final String KPI = "complaint_first_response_hours";

  private FirstReplyChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<ResponseSlaRow> byChannel = rows(data, COMPLAINTS);
    Optional<Double> storedTarget = data.kpi(KPI).map(KpiScorecardRow::target);
    if (byChannel.isEmpty() || storedTarget.isEmpty()) {
      return Optional.empty();
    }
    double target = storedTarget.get();
    String targetText = m.fmt().target("hours", target);
    String[] labels =
        byChannel.stream().map(r -> m.name(Vocabulary.CHANNEL, r.channel())).toArray(String[]::new);
    YIntervalSeries spread = new YIntervalSeries(m.text(Message.LEGEND_MEDIAN), false, true);
    XYSeries mean = new XYSeries(m.text(Message.LEGEND_MEAN), false, true);
    XYSeries p90 = new XYSeries(m.text(Message.LEGEND_P90), false, true);
    double max = target;
    for (int i = 0; i < byChannel.size(); i++) {
      ResponseSlaRow r = byChannel.get(i);
      double median =
          r.firstReplyHoursMedian() == null ? r.firstReplyHoursMean() : r.firstReplyHoursMedian();
      double high = r.firstReplyHoursP90() == null ? median : r.firstReplyHoursP90();
      spread.add(i, median, median, high);
      mean.add(i, r.firstReplyHoursMean());
      if (r.firstReplyHoursP90() != null) {
        p90.add(i, r.firstReplyHoursP90());
      }
      max = Math.max(max, Math.max(high, r.firstReplyHoursMean()));
    }
    SymbolAxis channelAxis = IntervalDotPlot.rowAxis(style, labels, byChannel.size());
    NumberAxis hours = new NumberAxis(m.text(Message.AXIS_HOURS));
    hours.setRange(0, max * 1.04);
    hours.setNumberFormatOverride(Axes.format("0"));

    YIntervalSeriesCollection spreadData = new YIntervalSeriesCollection();
    spreadData.addSeries(spread);
    XYErrorRenderer spreadRenderer = new XYErrorRenderer();
    spreadRenderer.setDrawXError(false);
    spreadRenderer.setDrawYError(true);
    spreadRenderer.setDefaultLinesVisible(false);
    spreadRenderer.setCapLength(0);
    spreadRenderer.setErrorStroke(new java.awt.BasicStroke(3.5f));
    spreadRenderer.setErrorPaint(Palette.SKY);
    spreadRenderer.setSeriesPaint(0, Palette.BLUE);
    spreadRenderer.setSeriesShape(0, Palette.circle(9));

    XYSeriesCollection points = new XYSeriesCollection();
    points.addSeries(mean);
    points.addSeries(p90);
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    pointRenderer.setSeriesPaint(0, Palette.ORANGE);
    pointRenderer.setSeriesShape(0, Palette.diamond(11));
    pointRenderer.setSeriesPaint(1, Palette.BLACK);
    pointRenderer.setSeriesShape(1, Palette.triangle(9));

    XYPlot plot = new XYPlot(spreadData, channelAxis, hours, spreadRenderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(
        IntervalDotPlot.reference(style, new IntervalDotPlot.Reference(target, targetText)),
        Layer.BACKGROUND);
    IntervalDotPlot.valueColumn(
        style,
        plot,
        byChannel.stream()
            .map(r -> m.text(Message.VALUE_MEAN, m.fmt().hours(r.firstReplyHoursMean())))
            .toList());
    long within =
        byChannel.stream()
            .filter(r -> !Rollup.ALL.equals(r.channel()) && r.firstReplyHoursMean() <= target)
            .count();
    long channels = byChannel.stream().filter(r -> !Rollup.ALL.equals(r.channel())).count();
    String title = m.text(Message.CHART_FIRST_REPLY_TITLE, within, channels, targetText);
    return Optional.of(
        new Figure.Single(
            ID,
            title,
            style.chart(title, m.text(Message.CHART_FIRST_REPLY_SUBTITLE, targetText), plot, true),
            Figure.rowsHeight(byChannel.size())));
  }

  /**
   * The category's rows per channel (all channels first, then slowest mean first) that have a mean.
   */
  static List<ResponseSlaRow> rows(MonthData data, String category) {
    List<ResponseSlaRow> rows =
        new ArrayList<>(
            data.responseSla().stream()
                .filter(
                    r ->
                        category.equals(r.category())
                            && Rollup.ALL.equals(r.priority())
                            && r.firstReplyHoursMean() != null)
                .sorted(
                    Comparator.comparing((ResponseSlaRow r) -> !Rollup.ALL.equals(r.channel()))
                        .thenComparing(
                            ResponseSlaRow::firstReplyHoursMean, Comparator.reverseOrder())
                        .thenComparing(ResponseSlaRow::channel))
                .toList());
    return rows;
  }
}
