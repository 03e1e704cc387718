package io.commpulse.report.model;

import io.commpulse.commlog.HotspotRow;
import io.commpulse.commlog.MistransmissionRow;
import io.commpulse.coverage.CoverageRow;
import io.commpulse.experiments.AbResultRow;
import io.commpulse.metrics.Rollup;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.social.SocialResponseRow;
import io.commpulse.surveys.SatisfactionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the summary's sentences from a month's data: the overview, the KPIs that need attention
 * first.
 */
public final class Narrative {
  /** An executive reads the summary in under a minute. */
  public static final int MAX_SENTENCES = 6;

  private Narrative() {}

  public static List<Finding> findings(MonthData data) {
    List<Finding> findings = new ArrayList<>();
    findings.add(overview(data.scorecard()));
    Optional<Finding> hotspots = hotspots(data.hotspots());
    Optional<Finding> ab = ab(data.ab());
    int budget = MAX_SENTENCES - 1 - (hotspots.isPresent() ? 1 : 0) - (ab.isPresent() ? 1 : 0);
    data.scorecard().stream()
        .filter(k -> k.actual() != null && !"info".equals(k.comparator()))
        .sorted(
            Comparator.comparingInt(
                    (KpiScorecardRow k) -> Finding.severity(KpiStatus.of(k.status())))
                .thenComparingInt(k -> MonthReader.kpiOrder(k.kpi())))
        .limit(budget)
        .map(k -> new Finding.KpiResult(k, detail(k, data)))
        .forEach(findings::add);
    hotspots.ifPresent(findings::add);
    ab.ifPresent(findings::add);
    return findings;
  }

  static Finding.Overview overview(List<KpiScorecardRow> scorecard) {
    int met = 0;
    int atRisk = 0;
    int missed = 0;
    for (KpiScorecardRow k : scorecard) {
      switch (KpiStatus.of(k.status())) {
        case MET -> met++;
        case AT_RISK -> atRisk++;
        case MISSED -> missed++;
        case NO_TARGET -> {}
      }
    }
    return new Finding.Overview(met + atRisk + missed, met, atRisk, missed);
  }

  /** The breakdown row that explains a KPI: its weakest decision, department or platform. */
  static Finding.Detail detail(KpiScorecardRow kpi, MonthData data) {
    return switch (kpi.kpi()) {
      case "information_coverage" ->
          data.coverage().stream()
              .filter(c -> Rollup.ALL.equals(c.department()) && c.share() != null)
              .min(
                  Comparator.comparingDouble(CoverageRow::share)
                      .thenComparing(CoverageRow::decisionId))
              .map(Finding.LowestDecision::new)
              .orElse(null);
      case "mistransmission_rate" ->
          data.mistransmission().stream()
              .filter(r -> !Rollup.ALL.equals(r.department()) && r.rate() != null)
              .max(
                  Comparator.comparingDouble(MistransmissionRow::rate)
                      .thenComparing(MistransmissionRow::department, Comparator.reverseOrder()))
              .map(r -> new Finding.HighestDepartment(r.department(), r.rate()))
              .orElse(null);
      case "social_replied_24h_share" ->
          data.social().stream()
              .filter(r -> !Rollup.ALL.equals(r.platform()) && r.replied24hShare() != null)
              .min(
                  Comparator.comparingDouble(SocialResponseRow::replied24hShare)
                      .thenComparing(SocialResponseRow::platform))
              .map(Finding.LowestPlatform::new)
              .orElse(null);
      case "complaint_first_response_hours" ->
          data.kpi("complaint_replied_24h_share")
              .filter(k -> k.actual() != null)
              .map(k -> new Finding.AnsweredWithin24h(k.actual()))
              .orElse(null);
      case "satisfaction_mean" -> lowestSatisfaction(data, "likert");
      case "satisfaction_top2_share" -> lowestSatisfaction(data, "share");
      default -> null;
    };
  }

  private static Finding.Detail lowestSatisfaction(MonthData data, String unit) {
    return data.satisfaction().stream()
        .filter(
            c ->
                "overall".equals(c.questionId())
                    && !Rollup.ALL.equals(c.department())
                    && !c.suppressed())
        .filter(c -> value(c, unit) != null)
        .min(
            Comparator.comparingDouble((SatisfactionRow c) -> value(c, unit))
                .thenComparing(SatisfactionRow::department))
        .map(c -> new Finding.LowestDepartment(c.department(), unit, value(c, unit)))
        .orElse(null);
  }

  private static Double value(SatisfactionRow c, String unit) {
    return "share".equals(unit) ? c.top2Share() : c.mean();
  }

  static Optional<Finding> hotspots(List<HotspotRow> rows) {
    List<Finding.Hotspots.Top> tops = new ArrayList<>();
    for (String domain : List.of("customer", "internal")) {
      List<HotspotRow> inDomain = rows.stream().filter(r -> domain.equals(r.domain())).toList();
      long total = inDomain.stream().mapToLong(HotspotRow::count).sum();
      inDomain.stream()
          .min(Comparator.comparingInt(HotspotRow::rank).thenComparing(HotspotRow::category))
          .filter(top -> total > 0)
          .ifPresent(top -> tops.add(new Finding.Hotspots.Top(domain, top, total)));
    }
    return tops.isEmpty() ? Optional.empty() : Optional.of(new Finding.Hotspots(tops));
  }

  static Optional<Finding> ab(AbResults results) {
    List<AbResultRow> comparisons = results.comparisons();
    if (comparisons.isEmpty()) {
      return Optional.empty();
    }
    List<AbResultRow> winners =
        comparisons.stream()
            .filter(AbResults::winner)
            .sorted(
                Comparator.comparing(
                        (AbResultRow c) ->
                            c.relativeLift() == null ? 0 : -Math.abs(c.relativeLift()))
                    .thenComparing(AbResultRow::experimentId)
                    .thenComparing(AbResultRow::metric))
            .toList();
    if (!winners.isEmpty()) {
      return Optional.of(new Finding.AbWinner(winners.get(0)));
    }
    int invalid = (int) comparisons.stream().filter(AbResults::srmInvalid).count();
    return Optional.of(new Finding.AbNoWinner(comparisons.size(), invalid));
  }
}
