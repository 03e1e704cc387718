package io.commpulse.report.chart;

import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.stats.Interval;
import java.util.EnumMap;
import java.util.Map;

/** Point styles by status, judged on the interval the same way the scorecard judges KPIs. */
final class StatusKinds {
  private StatusKinds() {}

  static KpiStatus atLeast(double target, Double value, Double low, Double high) {
    Interval ci = low == null || high == null ? null : new Interval(low, high);
    return KpiStatus.evaluate(KpiStatus.Comparator.AT_LEAST, target, value, ci);
  }

  /** One point style per status, shared by all rows so that each status is one legend entry. */
  static Map<KpiStatus, IntervalDotPlot.Kind> kinds(Messages m) {
    Map<KpiStatus, IntervalDotPlot.Kind> kinds = new EnumMap<>(KpiStatus.class);
    for (KpiStatus status : KpiStatus.values()) {
      kinds.put(status, new IntervalDotPlot.Kind(m.name(Vocabulary.STATUS, status.code()), Palette.status(status),
          Palette.statusShape(status, 9), true));
    }
    return kinds;
  }
}
