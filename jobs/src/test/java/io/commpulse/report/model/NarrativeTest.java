package io.commpulse.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.experiments.AbResultRow;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Messages;
import io.commpulse.surveys.SatisfactionRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrativeTest {
  private final MonthData october =
      GoldFixture.monthData(GoldFixture.MONTH, new AbResults.Absent());

  private List<String> sentences(MonthData data, Language language) {
    Messages m = new Messages(language, data.departments());
    return Narrative.findings(data).stream().map(f -> f.sentence(m)).toList();
  }

  @Test
  void theSummaryOpensWithTheScorecardAndKeepsToSixSentences() {
    List<String> en = sentences(october, Language.EN);
    assertTrue(en.size() >= 3 && en.size() <= Narrative.MAX_SENTENCES, en.toString());
    assertEquals("Of 6 KPIs with a target, 2 met it, 2 are at risk and 2 missed it.", en.get(0));
    assertEquals("6 项有目标的 KPI 中，2 项达标，2 项有风险，2 项未达标。", sentences(october, Language.ZH).get(0));
  }

  @Test
  void missedKpisComeFirstWithTheBreakdownThatExplainsThem() {
    List<String> en = sentences(october, Language.EN);
    assertEquals(
        "Information coverage 93.1% (95% CI 92.4–93.8%) missed the 95% target; the lowest, "
            + "\"Sales commission plan changes\", reached 81.0%.",
        en.get(1));
    assertEquals(
        "Social comments answered within 24 h 86.2% (95% CI 85.0–87.3%) missed the 100% target; "
            + "lowest on Douyin at 71.0%.",
        en.get(2));
    List<String> zh = sentences(october, Language.ZH);
    assertEquals("信息覆盖率为 93.1%（95% 置信区间 92.4–93.8%），未达到 95% 的目标；最低的“销售提成方案变更”为 81.0%。", zh.get(1));
  }

  @Test
  void trendTargetsAreComparedWithLastMonthAndBreakdownsSkipHiddenCells() {
    List<String> en = sentences(october, Language.EN);
    // Finance's hidden cell (wrongly carrying a mean of 1.23) must not be named the lowest.
    assertTrue(
        en.contains(
            "Communication satisfaction (mean, 1-5) 3.62 (95% CI 3.51–3.73) is not clearly above "
                + "last month's 3.55; lowest in Sales at 3.28."),
        en.toString());
  }

  @Test
  void hotspotsNameTheTopCategoryOfEachDomainWithItsChange() {
    List<String> en = sentences(october, Language.EN);
    assertEquals(
        "Most frequent customer issues: technical support (50.0% of 900, +12.5% on last month); most "
            + "frequent internal problems: process (52.2% of 230, +9.1% on last month).",
        en.get(en.size() - 1));
  }

  @Test
  void withAbResultsTheWinnerWithTheLargestEffectIsNamed() {
    MonthData withAb = GoldFixture.monthData(GoldFixture.MONTH, GoldFixture.abPresent());
    List<Finding> findings = Narrative.findings(withAb);
    Finding last = findings.get(findings.size() - 1);
    assertInstanceOf(Finding.AbWinner.class, last);
    assertEquals("hours_to_ack", ((Finding.AbWinner) last).comparison().metric());
    assertEquals(
        "Channel experiment EXP-ACK-WECOM: WeCom beat control on hours to acknowledge (-20.0% against "
            + "control, 95% CI -25.0% to -15.0%).",
        last.sentence(new Messages(Language.EN, withAb.departments())));
    assertTrue(findings.size() <= Narrative.MAX_SENTENCES);
  }

  @Test
  void srmInvalidComparisonsNeverWin() {
    AbResultRow invalidWinner =
        GoldFixture.abRow(
            "EXP-X",
            "acknowledged_48h",
            "binary",
            "higher",
            "wecom",
            0.5,
            0.3,
            0.7,
            "winner",
            true);
    Finding finding = Narrative.ab(new AbResults.Present(List.of(invalidWinner))).orElseThrow();
    assertEquals(new Finding.AbNoWinner(1, 1), finding);
    assertEquals(
        "No channel experiment produced a winner this month (comparisons: 1; invalid because of a "
            + "sample-ratio mismatch: 1).",
        finding.sentence(new Messages(Language.EN, java.util.Map.of())));
  }

  @Test
  void aSuppressedCellCarriesNoFigureWhateverTheTableHolds() {
    SatisfactionRow cell =
        new SatisfactionRow(
            "2026-10",
            "overall",
            "FIN",
            true,
            "complementary",
            3L,
            40L,
            0.075,
            1.23,
            0.9,
            1.0,
            1.5,
            0.1,
            0.05,
            0.15,
            0.2);
    assertNull(cell.mean());
    assertNull(cell.respondents());
    assertNull(cell.top2Share());
    assertNull(cell.meanCiLow());
    assertNull(cell.headcount());
  }
}
