package io.commpulse.report.chart;

import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.model.AbResults;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.ReportTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report's chart sections in reading order. */
public final class ReportFigures {
  private ReportFigures() {}

  public static List<ChartSection> sections(MonthData data, Messages m, ChartStyle style) {
    List<ChartSection> sections = new ArrayList<>();
    String noData = m.text(Message.NO_DATA);
    sections.add(
        section(
            m,
            Message.SECTION_KPI_TARGETS,
            KpiTargetsChart.build(data, m, style),
            noData,
            List.of()));
    sections.add(
        section(
            m, Message.SECTION_TRENDS, KpiTrendsChart.build(data, m, style), noData, List.of()));
    String hidden = SatisfactionChart.hiddenSummary(data.satisfaction(), m);
    List<String> satisfactionNotes =
        data.satisfaction().isEmpty()
            ? List.of()
            : List.of(
                hidden.isEmpty()
                    ? m.text(Message.NOTHING_SUPPRESSED)
                    : m.text(Message.SUPPRESSED_NOTE, hidden));
    sections.add(
        section(
            m,
            Message.SECTION_SATISFACTION,
            SatisfactionChart.build(data, m, style),
            noData,
            satisfactionNotes));
    sections.add(
        section(
            m, Message.SECTION_COVERAGE, CoverageChart.build(data, m, style), noData, List.of()));
    sections.add(
        section(
            m,
            Message.SECTION_FIRST_REPLY,
            FirstReplyChart.build(data, m, style),
            noData,
            List.of()));
    sections.add(
        section(
            m, Message.SECTION_SOCIAL, SocialReplyChart.build(data, m, style), noData, List.of()));
    sections.add(
        section(
            m, Message.SECTION_HOTSPOTS, HotspotsChart.build(data, m, style), noData, List.of()));
    String abFallback =
        data.ab() instanceof AbResults.Absent
            ? m.text(Message.AB_ABSENT)
            : m.text(Message.AB_EMPTY);
    sections.add(
        section(m, Message.SECTION_AB, AbForestChart.build(data, m, style), abFallback, List.of()));
    String hoursFallback =
        data.followThrough().automation().isEmpty()
            ? m.text(Message.NOT_AVAILABLE, m.use(ReportTables.AUTOMATION_CANDIDATES))
            : noData;
    sections.add(
        section(
            m,
            Message.SECTION_HOURS_SAVED,
            HoursSavedChart.build(data, m, style),
            hoursFallback,
            List.of()));
    return sections;
  }

  private static ChartSection section(
      Messages m, Message heading, Optional<Figure> figure, String fallback, List<String> notes) {
    return new ChartSection(m.text(heading), figure, fallback, notes);
  }
}
