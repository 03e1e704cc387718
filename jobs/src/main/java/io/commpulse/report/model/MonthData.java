package io.commpulse.report.model;

import io.commpulse.commlog.HotspotRow;
import io.commpulse.commlog.MistransmissionRow;
import io.commpulse.coverage.CoverageRow;
import io.commpulse.report.i18n.Bilingual;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.social.SocialResponseRow;
import io.commpulse.surveys.SatisfactionRow;
import io.commpulse.tickets.ResponseSlaRow;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything a monthly report shows, read from the lake at pinned table versions. Plain values:
 * charts, texts and documents are pure functions of it.
 *
 * @param history the scorecard of up to twelve months ending with this one, oldest first
 * @param departments department code to its names, from {@code silver.employees}
 * @param followThrough the strategy's follow-through tables, each possibly absent
 * @param restated the KPIs of earlier months whose figures were restated, by month and report order
 */
public record MonthData(
    YearMonth month,
    TableVersions versions,
    List<KpiScorecardRow> scorecard,
    List<KpiScorecardRow> history,
    List<CoverageRow> coverage,
    List<SatisfactionRow> satisfaction,
    List<ResponseSlaRow> responseSla,
    List<SocialResponseRow> social,
    List<MistransmissionRow> mistransmission,
    List<HotspotRow> hotspots,
    AbResults ab,
    List<SourceQuality> dataQuality,
    Map<String, Bilingual> departments,
    FollowThrough followThrough,
    List<RestatedKpi> restated) {

  public MonthData {
    scorecard = List.copyOf(scorecard);
    history = List.copyOf(history);
    coverage = List.copyOf(coverage);
    satisfaction = List.copyOf(satisfaction);
    responseSla = List.copyOf(responseSla);
    social = List.copyOf(social);
    mistransmission = List.copyOf(mistransmission);
    hotspots = List.copyOf(hotspots);
    dataQuality = List.copyOf(dataQuality);
    departments = Map.copyOf(departments);
    followThrough = followThrough == null ? FollowThrough.absent() : followThrough;
    restated = restated == null ? List.of() : List.copyOf(restated);
  }

  /** A month without restatements of earlier months. */
  public MonthData(
      YearMonth month,
      TableVersions versions,
      List<KpiScorecardRow> scorecard,
      List<KpiScorecardRow> history,
      List<CoverageRow> coverage,
      List<SatisfactionRow> satisfaction,
      List<ResponseSlaRow> responseSla,
      List<SocialResponseRow> social,
      List<MistransmissionRow> mistransmission,
      List<HotspotRow> hotspots,
      AbResults ab,
      List<SourceQuality> dataQuality,
      Map<String, Bilingual> departments,
      FollowThrough followThrough) {
    this(
        month,
        versions,
        scorecard,
        history,
        coverage,
        satisfaction,
        responseSla,
        social,
        mistransmission,
        hotspots,
        ab,
        dataQuality,
        departments,
        followThrough,
        List.of());
  }

  /** A month without the follow-through tables. */
  public MonthData(
      YearMonth month,
      TableVersions versions,
      List<KpiScorecardRow> scorecard,
      List<KpiScorecardRow> history,
      List<CoverageRow> coverage,
      List<SatisfactionRow> satisfaction,
      List<ResponseSlaRow> responseSla,
      List<SocialResponseRow> social,
      List<MistransmissionRow> mistransmission,
      List<HotspotRow> hotspots,
      AbResults ab,
      List<SourceQuality> dataQuality,
      Map<String, Bilingual> departments) {
    this(
        month,
        versions,
        scorecard,
        history,
        coverage,
        satisfaction,
        responseSla,
        social,
        mistransmission,
        hotspots,
        ab,
        dataQuality,
        departments,
        FollowThrough.absent());
  }

  /** The same month with other follow-through tables. */
  public MonthData withFollowThrough(FollowThrough tables) {
    return new MonthData(
        month,
        versions,
        scorecard,
        history,
        coverage,
        satisfaction,
        responseSla,
        social,
        mistransmission,
        hotspots,
        ab,
        dataQuality,
        departments,
        tables,
        restated);
  }

  public java.util.Optional<KpiScorecardRow> kpi(String code) {
    return scorecard.stream().filter(k -> k.kpi().equals(code)).findFirst();
  }
}
