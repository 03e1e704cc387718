package io.commpulse.generate;

import static io.commpulse.generate.Draws.gaussian;
import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.SampleMonth.local;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Assignment records of the month's channel A/B tests: {@code landing.channel_experiments}. */
final class ChannelExperiments {
  /** Experiment with a real effect: WeCom beats e-mail on acknowledgement. */
  static final String EXPERIMENT_WITH_EFFECT = "EXP-ACK-WECOM";

  /** Experiment without effect: digest format does not matter. */
  static final String EXPERIMENT_WITHOUT_EFFECT = "EXP-DIGEST-FORMAT";

  private final SampleMonth m;
  private final YearMonth month;

  ChannelExperiments(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("channel_experiments");
    int perExperiment = m.count(100_000, 200);
    try (SourceWriter w = m.writer("channel_experiments", "channel_experiments.csv")) {
      int unit = 0;
      for (String experiment : List.of(EXPERIMENT_WITH_EFFECT, EXPERIMENT_WITHOUT_EFFECT)) {
        boolean effect = experiment.equals(EXPERIMENT_WITH_EFFECT);
        String treatment = effect ? "wecom" : "bullet_digest";
        for (int i = 0; i < perExperiment; i++) {
          boolean treated = rnd.nextBoolean();
          double habit = logNormal(rnd, 20, 0.6);
          double hours = habit * (treated && effect ? 0.8 : 1.0) * Math.exp(0.5 * gaussian(rnd));
          double ackProbability = (treated && effect ? 0.68 : 0.62);
          int clarity =
              (int)
                  Math.max(
                      1,
                      Math.min(
                          5, Math.round(3.4 + (treated && effect ? 0.25 : 0) + gaussian(rnd))));
          Map<String, String> row = new LinkedHashMap<>();
          row.put("experiment_id", experiment);
          row.put("unit_id", String.format("E%06d-%d", 1 + (unit++ % 999_999), unit / 999_999));
          row.put("variant", treated ? treatment : "control");
          row.put("split_weight", "0.5");
          row.put("assigned_at", local(m.randomMoment(rnd, Math.min(20, month.lengthOfMonth()))));
          row.put("acknowledged_48h", rnd.nextDouble() < ackProbability ? "1" : "0");
          row.put("hours_to_ack", String.format(java.util.Locale.ROOT, "%.2f", hours));
          row.put("clarity_rating", String.valueOf(clarity));
          row.put(
              "pre_period_hours_to_ack",
              String.format(java.util.Locale.ROOT, "%.2f", habit * Math.exp(0.3 * gaussian(rnd))));
          w.write(row);
        }
      }
    }
  }
}
