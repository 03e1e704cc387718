package io.commpulse.report.render;

import io.commpulse.report.chart.Palette;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.scorecard.KpiStatus;

/** Status and trend as text that survives grayscale: the chart marker shape, then the word. */
final class StatusText {
  private StatusText() {}

  static String of(KpiStatus status, Messages m) {
    return Palette.statusSymbol(status) + " " + m.name(Vocabulary.STATUS, status.code());
  }

  static String arrow(String trend) {
    return switch (trend) {
      case "up" -> "↑";
      case "down" -> "↓";
      default -> "→";
    };
  }
}
