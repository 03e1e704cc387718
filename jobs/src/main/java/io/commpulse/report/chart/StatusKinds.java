package io.commpulse.report.chart;

import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.scorecard.KpiStatus;
import java.util.EnumMap;
import java.util.Map;

/** Point styles by the status gold stored with each row. */
final class StatusKinds {
  private StatusKinds() {}

  /** One point style per status, shared by all rows so that each status is one legend entry. */
  static Map<KpiStatus, IntervalDotPlot.Kind> kinds(Messages m) {
    Map<KpiStatus, IntervalDotPlot.Kind> kinds = new EnumMap<>(KpiStatus.class);
    for (KpiStatus status : KpiStatus.values()) {
      kinds.put(
          status,
          new IntervalDotPlot.Kind(
              m.name(Vocabulary.STATUS, status.code()),
              Palette.status(status),
              Palette.statusShape(status, 9),
              true));
    }
    return kinds;
  }

  /**
   * The status of a row by the code gold stored with it; {@link KpiStatus#NO_TARGET} for a row
   * without one (no actual, or a month written before its table had the column).
   */
  static KpiStatus stored(String code) {
    return code == null ? KpiStatus.NO_TARGET : KpiStatus.of(code);
  }
}
