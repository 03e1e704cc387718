package io.commpulse.report.render;

import io.commpulse.metrics.DataCutoff;
import io.commpulse.report.chart.ChartSection;
import io.commpulse.report.i18n.Formats;
import io.commpulse.report.i18n.KpiDefinitions;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.Narrative;
import io.commpulse.report.model.RestatedKpi;
import io.commpulse.report.model.SourceQuality;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.scorecard.KpiStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the report says, in one language, independent of the output format: the PDF and the HTML are
 * two layouts of the same content, so they cannot disagree.
 *
 * @param footerFormat page footer with a {@code %d} for the page number
 */
public record ReportContent(
    String language,
    String title,
    String subtitle,
    String sourceNote,
    String footerFormat,
    String summaryHeading,
    List<String> summary,
    String scorecardHeading,
    Table scorecard,
    List<Chart> charts,
    String followThroughHeading,
    List<Part> followThrough,
    String definitionsHeading,
    Table definitions,
    String qualityHeading,
    Table quality,
    List<String> qualityNotes,
    String reproducibilityHeading,
    Table versions,
    List<String> reproducibilityNotes) {

  /** A table; a cell with a status is tinted with the status colour. */
  public record Table(List<String> header, List<List<Cell>> rows, float[] widths) {}

  public record Cell(String text, KpiStatus status, boolean numeric) {
    static Cell text(String text) {
      return new Cell(text, null, false);
    }

    static Cell number(String text) {
      return new Cell(text, null, true);
    }
  }

  /**
   * A part of a section under its own heading: a table (null when there is none) and notes under
   * it.
   */
  public record Part(String heading, Table table, List<String> notes) {
    public Part {
      notes = List.copyOf(notes);
    }
  }

  /**
   * A chart section: the image file (relative to the report) when there is a figure, else the
   * fallback sentence.
   */
  public record Chart(
      String heading,
      String alt,
      String file,
      byte[] png,
      int width,
      int height,
      String fallback,
      List<String> notes) {}

  /** Renders the month's content; {@code images} maps a figure id to its PNG. */
  public static ReportContent build(
      MonthData data,
      Messages m,
      List<ChartSection> sections,
      Map<String, byte[]> images,
      CodeVersion code,
      String lakeLocation) {
    Formats f = m.fmt();
    List<String> summary =
        new ArrayList<>(
            Narrative.findings(data).stream().map(finding -> finding.sentence(m)).toList());
    summary.addAll(boundaryNotes(data, m));
    List<Chart> charts = new ArrayList<>();
    for (ChartSection s : sections) {
      charts.add(
          s.figure()
              .map(
                  fig ->
                      new Chart(
                          s.heading(),
                          fig.title(),
                          chartFile(fig.id(), "png"),
                          images.get(fig.id()),
                          fig.width(),
                          fig.height(),
                          null,
                          s.notes()))
              .orElseGet(
                  () -> new Chart(s.heading(), null, null, null, 0, 0, s.fallback(), s.notes())));
    }
    String month = data.month().toString();
    return new ReportContent(
        m.language().code(),
        m.text(Message.REPORT_TITLE),
        m.text(Message.REPORT_SUBTITLE, f.month(data.month())),
        m.text(Message.REPORT_SOURCE),
        m.text(Message.PAGE_FOOTER, month),
        m.text(Message.SECTION_SUMMARY),
        summary,
        m.text(Message.SECTION_SCORECARD),
        scorecard(data, m),
        charts,
        m.text(Message.SECTION_FOLLOW_THROUGH),
        FollowThroughContent.build(data.followThrough(), m),
        m.text(Message.SECTION_DEFINITIONS),
        definitions(m),
        m.text(Message.SECTION_DATA_QUALITY),
        quality(data, m),
        data.dataQuality().isEmpty()
            ? List.of(m.text(Message.NO_INGEST))
            : List.of(m.text(Message.DATA_QUALITY_NOTE)),
        m.text(Message.SECTION_REPRODUCIBILITY),
        versions(data, m),
        List.of(
            m.text(Message.CODE_VERSION, code.version(), code.shortFingerprint()),
            m.text(
                Message.RERENDER_HINT,
                m.use(
                    "./commpulse report --month "
                        + month
                        + " --lake "
                        + lakeLocation
                        + " --as-of-manifest manifest.json --out DIR"))));
  }

  /**
   * A digest of everything the report says and shows, for a file id that changes only when the
   * content does.
   */
  byte[] fingerprint() {
    StringBuilder text = new StringBuilder();
    for (String s :
        List.of(
            language,
            title,
            subtitle,
            sourceNote,
            footerFormat,
            summaryHeading,
            scorecardHeading,
            followThroughHeading,
            definitionsHeading,
            qualityHeading,
            reproducibilityHeading)) {
      text.append(s).append('\n');
    }
    summary.forEach(s -> text.append(s).append('\n'));
    qualityNotes.forEach(s -> text.append(s).append('\n'));
    reproducibilityNotes.forEach(s -> text.append(s).append('\n'));
    List<Table> tables = new ArrayList<>(List.of(scorecard, definitions, quality, versions));
    for (Part part : followThrough) {
      text.append(part.heading()).append('\n');
      part.notes().forEach(s -> text.append(s).append('\n'));
      if (part.table() != null) {
        tables.add(part.table());
      }
    }
    for (Table table : tables) {
      table.header().forEach(h -> text.append(h).append('\t'));
      table.rows().forEach(row -> row.forEach(cell -> text.append(cell.text()).append('\t')));
    }
    for (Chart chart : charts) {
      text.append(chart.heading())
          .append('\n')
          .append(chart.alt())
          .append('\n')
          .append(chart.fallback())
          .append('\n');
      chart.notes().forEach(s -> text.append(s).append('\n'));
      if (chart.png() != null) {
        text.append(Checksums.sha256(chart.png())).append('\n');
      }
    }
    return Checksums.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Marks a provisional figure in the scorecard; the summary says what it means. */
  static final String PROVISIONAL_MARK = "*";

  public static String chartFile(String id, String extension) {
    return "charts/" + id + "." + extension;
  }

  static Table scorecard(MonthData data, Messages m) {
    Formats f = m.fmt();
    List<List<Cell>> rows = new ArrayList<>();
    for (KpiScorecardRow k : data.scorecard()) {
      KpiStatus status = KpiStatus.of(k.status());
      rows.add(
          List.of(
              Cell.text(m.name(Vocabulary.KPI, k.kpi())),
              Cell.text(target(k.comparator(), k.unit(), k.target(), m)),
              Cell.number(
                  f.value(k.unit(), k.actual())
                      + (DataCutoff.PROVISIONAL.equals(k.state()) ? " " + PROVISIONAL_MARK : "")),
              Cell.number(f.interval(k.unit(), k.ciLow(), k.ciHigh())),
              new Cell(m.use(StatusText.of(status, m)), status, false),
              Cell.number(f.value(k.unit(), k.previous())),
              Cell.text(
                  k.trend() == null
                      ? Formats.MISSING
                      : m.use(
                          StatusText.arrow(k.trend())
                              + " "
                              + m.name(Vocabulary.TREND, k.trend())))));
    }
    return new Table(
        List.of(
            m.text(Message.COL_KPI),
            m.text(Message.COL_TARGET),
            m.text(Message.COL_ACTUAL),
            m.text(Message.COL_INTERVAL),
            m.text(Message.COL_STATUS),
            m.text(Message.COL_PREVIOUS),
            m.text(Message.COL_TREND)),
        rows,
        new float[] {30, 12, 11, 15, 12, 11, 9});
  }

  /**
   * What the month boundary does to the figures: which of this month's are provisional, and which
   * of earlier months were restated since.
   */
  static List<String> boundaryNotes(MonthData data, Messages m) {
    Formats f = m.fmt();
    List<String> notes = new ArrayList<>();
    if (data.scorecard().stream().anyMatch(k -> DataCutoff.PROVISIONAL.equals(k.state()))) {
      notes.add(m.text(Message.PROVISIONAL_NOTE, f.month(data.month().plusMonths(1))));
    }
    for (RestatedKpi k : data.restated()) {
      notes.add(
          m.text(
              Message.RESTATED,
              f.month(java.time.YearMonth.parse(k.month())),
              m.name(Vocabulary.KPI, k.kpi()),
              f.value(k.unit(), k.before()),
              f.value(k.unit(), k.after())));
    }
    return notes;
  }

  static String target(String comparator, String unit, Double target, Messages m) {
    Formats f = m.fmt();
    return switch (comparator) {
      case "<" -> m.text(Message.TARGET_BELOW, f.target(unit, target));
      case "<=" -> m.text(Message.TARGET_AT_MOST, f.target(unit, target));
      case ">=" -> m.text(Message.TARGET_AT_LEAST, f.target(unit, target));
      case "trend_up" -> m.text(Message.TARGET_TREND_UP);
      default -> Formats.MISSING;
    };
  }

  static Table definitions(Messages m) {
    List<List<Cell>> rows = new ArrayList<>();
    for (KpiDefinitions.Definition d : KpiDefinitions.ALL) {
      rows.add(
          List.of(
              Cell.text(m.pick(d.name())),
              Cell.text(m.pick(d.definition())),
              Cell.text(m.pick(d.target()))));
    }
    return new Table(
        List.of(
            m.text(Message.COL_KPI), m.text(Message.COL_DEFINITION), m.text(Message.COL_TARGET)),
        rows,
        new float[] {24, 58, 18});
  }

  static Table quality(MonthData data, Messages m) {
    Formats f = m.fmt();
    List<List<Cell>> rows = new ArrayList<>();
    for (SourceQuality q : data.dataQuality()) {
      List<String> reasons =
          q.reasons().stream()
              .limit(3)
              .map(
                  r ->
                      m.name(Vocabulary.QUARANTINE_REASON, r.reasonCode())
                          + " "
                          + f.count(r.rows()))
              .toList();
      rows.add(
          List.of(
              Cell.text(m.name(Vocabulary.SOURCE, q.source())),
              Cell.number(f.count(q.files())),
              Cell.number(f.count(q.rowsRead())),
              Cell.number(f.count(q.rowsAccepted())),
              Cell.number(f.count(q.rowsQuarantined())),
              Cell.number(f.share(q.quarantinedShare())),
              Cell.text(
                  reasons.isEmpty()
                      ? Formats.MISSING
                      : m.use(String.join(m.text(Message.ITEM_SEPARATOR), reasons)))));
    }
    return new Table(
        List.of(
            m.text(Message.COL_SOURCE),
            m.text(Message.COL_FILES),
            m.text(Message.COL_ROWS_READ),
            m.text(Message.COL_ROWS_ACCEPTED),
            m.text(Message.COL_ROWS_QUARANTINED),
            m.text(Message.COL_QUARANTINE_SHARE),
            m.text(Message.COL_REASONS)),
        rows,
        new float[] {18, 7, 11, 11, 11, 11, 31});
  }

  static Table versions(MonthData data, Messages m) {
    List<List<Cell>> rows = new ArrayList<>();
    data.versions()
        .versions()
        .forEach(
            (table, version) ->
                rows.add(
                    List.of(
                        Cell.text(m.use(table)),
                        version == null
                            ? Cell.text(m.text(Message.TABLE_ABSENT))
                            : Cell.number(m.use(String.valueOf(version))))));
    return new Table(
        List.of(m.text(Message.COL_TABLE), m.text(Message.COL_VERSION)),
        rows,
        new float[] {60, 40});
  }
}
