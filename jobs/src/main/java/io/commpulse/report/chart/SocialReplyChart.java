package io.commpulse.report.chart;

import io.commpulse.metrics.Rollup;
import io.commpulse.report.i18n.Formats;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.social.SocialResponseRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.plot.XYPlot;

/**
 * Share of inbound social comments answered within 24 h: all platforms first, then each, weakest
 * first.
 */
public final class SocialReplyChart {
  static final String ID = "06-social-reply";

  private SocialReplyChart() {}

  public static Optional<Figure> build(MonthData data, Messages m, ChartStyle style) {
    List<SocialResponseRow> platforms =
        new ArrayList<>(
            data.social().stream()
                .filter(r -> r.replied24hShare() != null && !Rollup.ALL.equals(r.platform()))
                .sorted(
                    Comparator.comparingDouble(SocialResponseRow::replied24hShare)
                        .thenComparing(SocialResponseRow::platform))
                .toList());
    if (platforms.isEmpty()) {
      return Optional.empty();
    }
    SocialResponseRow weakest = platforms.get(0);
    Optional<SocialResponseRow> all =
        data.social().stream()
            .filter(r -> Rollup.ALL.equals(r.platform()) && r.replied24hShare() != null)
            .findFirst();
    all.ifPresent(a -> platforms.add(0, a));
    Map<KpiStatus, IntervalDotPlot.Kind> kinds = StatusKinds.kinds(m);
    List<IntervalDotPlot.Row> rows =
        platforms.stream()
            .map(
                r -> {
                  return new IntervalDotPlot.Row(
                      m.name(Vocabulary.PLATFORM, r.platform()),
                      kinds.get(StatusKinds.stored(r.status())),
                      r.replied24hShare() * 100,
                      Axes.scaled(r.replied24hCiLow(), "share"),
                      Axes.scaled(r.replied24hCiHigh(), "share"),
                      m.fmt().share(r.replied24hShare()));
                })
            .toList();
    Optional<Double> target =
        platforms.stream().map(SocialResponseRow::target).filter(t -> t != null).findFirst();
    String targetText = target.map(t -> m.fmt().target("share", t)).orElse(Formats.MISSING);
    List<IntervalDotPlot.Reference> refs =
        target
            .map(
                t ->
                    List.of(
                        new IntervalDotPlot.Reference(
                            t * 100, m.text(Message.MARKER_TARGET, targetText))))
            .orElse(List.of());
    XYPlot plot =
        IntervalDotPlot.plot(
            style,
            rows,
            m.text(Message.AXIS_SHARE_24H),
            Axes.format("0"),
            refs,
            IntervalDotPlot.bounds(rows, refs, 0.04, 0.0, 100.0));
    String overall = m.fmt().share(all.map(SocialResponseRow::replied24hShare).orElse(null));
    String title =
        m.text(
            Message.CHART_SOCIAL_TITLE,
            overall,
            m.name(Vocabulary.PLATFORM, weakest.platform()),
            m.fmt().share(weakest.replied24hShare()));
    return Optional.of(
        new Figure.Single(
            ID,
            title,
            style.chart(title, m.text(Message.CHART_SOCIAL_SUBTITLE, targetText), plot, true),
            Figure.rowsHeight(rows.size())));
  }
}
